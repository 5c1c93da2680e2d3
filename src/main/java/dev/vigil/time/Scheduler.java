package dev.vigil.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * Time, passed in: the debouncer and timeouts use this so tests can advance a fake clock instead of
 * sleeping.
 */
public interface Scheduler {
  /** A monotonic reading in nanoseconds, for measuring intervals. */
  long nanoTime();

  /** The wall-clock time, for records and reports. */
  Instant now();

  /**
   * How long, in all, this process has stood still so far (stop-the-world garbage collection), in
   * nanoseconds; a wait that spans such a pause saw nothing of the world meanwhile.
   */
  default long pausedNanos() {
    return 0;
  }

  /** Runs the task once after the delay, on the scheduler's thread. */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * Like {@link #schedule}, but runs the task as close to its time as the clock allows, at the cost
   * of a brief busy wait before it; for the few timers a user waits on.
   */
  default Cancellable schedulePrecisely(Duration delay, Runnable task) {
    return schedule(delay, task);
  }

  /**
   * Like {@link #schedulePrecisely(Duration, Runnable)}, but runs the task on the executor's
   * thread, handed over ahead of its time so that the hand-over does not delay it: the executor's
   * thread waits out the rest. For a task whose work continues on that thread anyway.
   */
  default Cancellable schedulePrecisely(Duration delay, Runnable task, Executor executor) {
    return schedulePrecisely(delay, () -> executor.execute(task));
  }

  /** A scheduled task that can be called off. */
  interface Cancellable {
    /** Calls the task off if it has not started yet; harmless after it ran. */
    void cancel();
  }
}
