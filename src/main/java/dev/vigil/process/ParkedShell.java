package dev.vigil.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one {@link WarmShell} a runner keeps started ahead once asked to: taken by the next command
 * that suits it, and replaced on the runner's pool right after.
 */
final class ParkedShell implements AutoCloseable {
  private final Optional<Path> setsid;
  private final Executor pool;
  private final AtomicReference<WarmShell> idle = new AtomicReference<>();
  private final AtomicInteger starts = new AtomicInteger();
  private volatile boolean wanted;
  private volatile boolean closed;

  ParkedShell(Optional<Path> setsid, Executor pool) {
    this.setsid = setsid;
    this.pool = pool;
  }

  /** From now on, keeps a shell parked; starts the first one on the caller's thread. */
  void keep() {
    wanted = true;
    refill();
  }

  /** Whether a shell is parked, alive and waiting. */
  boolean ready() {
    WarmShell shell = idle.get();
    return shell != null && shell.alive();
  }

  /** How many commands started in a parked shell. */
  int starts() {
    return starts.get();
  }

  /** The spec's command running in the parked shell, or empty when there is none to use. */
  Optional<Process> start(CommandSpec spec) {
    WarmShell shell = WarmShell.suits(spec) ? idle.getAndSet(null) : null;
    try {
      if (shell == null) {
        return Optional.empty();
      }
      if (!shell.alive()) {
        shell.discard();
        return Optional.empty();
      }
      Process process = shell.run(spec);
      starts.incrementAndGet();
      return Optional.of(process);
    } catch (IOException e) {
      return Optional.empty(); // it died while parked
    } finally {
      // After the command has its script: the next shell's spawn does not delay this one.
      refillSoon();
    }
  }

  private void refillSoon() {
    if (wanted) {
      try {
        pool.execute(this::refill);
      } catch (RejectedExecutionException e) {
        // closed meanwhile: nothing to keep warm
      }
    }
  }

  /** Ends the parked shell; none is started after this. */
  @Override
  public void close() {
    closed = true;
    WarmShell shell = idle.getAndSet(null);
    if (shell != null) {
      shell.discard();
    }
  }

  /** Starts a shell unless one is parked already. */
  private void refill() {
    if (closed || idle.get() != null) {
      return;
    }
    WarmShell shell;
    try {
      shell = WarmShell.spawn(setsid);
    } catch (IOException e) {
      return; // commands start cold
    }
    if (!idle.compareAndSet(null, shell)) {
      shell.discard();
    } else if (closed && idle.compareAndSet(shell, null)) {
      shell.discard(); // closed while it started
    }
  }
}
