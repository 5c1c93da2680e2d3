package dev.vigil.process;

import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends what a command left running in its process group once its main process exited: they get the
 * kill grace to end by themselves, then SIGTERM, then SIGKILL a grace later. A cancel cuts both
 * waits short.
 */
final class Leftovers {
  private static final long POLL_MILLIS = 50;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final ProcessTreeKiller killer;
  private final Scheduler scheduler;
  private final Duration grace;
  private final CompletableFuture<Void> hurry = new CompletableFuture<>();

  Leftovers(ProcessTreeKiller killer, Scheduler scheduler, Duration grace) {
    this.killer = killer;
    this.scheduler = scheduler;
    this.grace = grace == null ? Duration.ZERO : grace;
  }

  /** Makes {@link #end} skip what is left of its waits. */
  void hurry() {
    hurry.complete(null);
  }

  /**
   * Waits the grace for the group of the exited root to empty, then ends what is left of it.
   *
   * @return how many processes were still running after the grace
   */
  int end(ProcessHandle root) throws InterruptedException {
    if (!killer.groupAlive(root)) {
      return 0;
    }
    waitWhileAlive(root, Set.of());
    int left = killer.groupSize(root);
    if (left == 0) {
      return 0;
    }
    Set<ProcessHandle> seen = killer.terminate(root);
    waitWhileAlive(root, seen);
    if (killer.anyAlive(root, seen)) {
      killer.kill(root, seen);
      long deadline = System.nanoTime() + KILL_WAIT.toNanos();
      while (killer.anyAlive(root, seen) && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return left;
  }

  /** Waits until nothing of the group runs, the grace has passed, or a cancel hurries it. */
  private void waitWhileAlive(ProcessHandle root, Set<ProcessHandle> seen)
      throws InterruptedException {
    CompletableFuture<Void> elapsed = new CompletableFuture<>();
    Scheduler.Cancellable task;
    try {
      task = scheduler.schedule(grace, () -> elapsed.complete(null));
    } catch (RuntimeException e) {
      return; // no scheduler any more: no grace either
    }
    try {
      while (!elapsed.isDone() && !hurry.isDone() && killer.anyAlive(root, seen)) {
        try {
          CompletableFuture.anyOf(elapsed, hurry).get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // poll again
        }
      }
    } finally {
      task.cancel();
    }
  }
}
