package dev.vigil.watch;

import dev.vigil.time.Scheduler;
import java.time.Duration;

/**
 * When a project polling in place of kernel events tries them again: after a first wait that
 * doubles with every try that fails, up to a ceiling, and starts over once events have proved to
 * work. Guarded by its owner's lock.
 */
final class EventRetry {
  private final Scheduler scheduler;
  private final Duration first;
  private final Duration ceiling;
  private Duration wait;
  private Scheduler.Cancellable pending;

  EventRetry(Scheduler scheduler, Duration first, Duration ceiling) {
    this.scheduler = scheduler;
    this.first = first;
    this.ceiling = ceiling.compareTo(first) < 0 ? first : ceiling;
    this.wait = first;
  }

  /** Schedules the next try after the current wait, and doubles the wait for the one after. */
  Duration schedule(Runnable attempt) {
    cancel();
    Duration now = wait;
    pending = scheduler.schedule(now, attempt);
    Duration doubled = wait.multipliedBy(2);
    wait = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
    return now;
  }

  /** Events worked: the next fallback waits the first wait again. */
  void reset() {
    wait = first;
  }

  void cancel() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }
}
