package dev.vigil.process;

import java.util.concurrent.CompletableFuture;

/** A command that was started. */
public interface RunningCommand {
  /** Completes when the process tree is gone and all output has been read. */
  CompletableFuture<CommandOutput> result();

  /** Ends the whole process tree: SIGTERM, then SIGKILL after the grace period. Idempotent. */
  void cancel();
}
