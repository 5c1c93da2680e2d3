package dev.vigil.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scheduler whose time moves only when a test calls {@link #advance}. Tasks run on the calling
 * thread, in due order, as time passes them.
 */
public final class FakeScheduler implements Scheduler {
  private final Instant epoch;
  private long nanos;
  private long wallOffsetNanos;
  private long paused;
  private long sequence;
  private final List<Task> tasks = new ArrayList<>();

  public FakeScheduler() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public FakeScheduler(Instant epoch) {
    this.epoch = epoch;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return epoch.plusNanos(nanos + wallOffsetNanos);
  }

  /**
   * Sets the wall clock forwards (or, negative, back) as NTP or a user would, without time passing:
   * the monotonic reading and every timer stay where they are.
   */
  public synchronized void jumpWallClock(Duration by) {
    wallOffsetNanos += by.toNanos();
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(nanos + Math.max(0, delay.toNanos()), sequence++, task);
    tasks.add(t);
    return () -> {
      synchronized (FakeScheduler.this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves time forward, running every task that falls due on the way, each at its own time. */
  public void advance(Duration by) {
    long target;
    synchronized (this) {
      target = nanos + by.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.due <= target)
                .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq))
                .orElse(null);
        if (next == null) {
          nanos = target;
          return;
        }
        tasks.remove(next);
        nanos = Math.max(nanos, next.due);
      }
      next.run.run();
    }
  }

  /**
   * Moves time forward as a paused process sees it: nothing runs during the pause, then every task
   * that fell due runs late, at the new time.
   */
  public void stall(Duration by) {
    synchronized (this) {
      nanos += by.toNanos();
    }
    advance(Duration.ZERO);
  }

  /** Like {@link #stall}, for a stop-the-world pause of the process: it counts as paused time. */
  public void pause(Duration by) {
    synchronized (this) {
      paused += by.toNanos();
    }
    stall(by);
  }

  @Override
  public synchronized long pausedNanos() {
    return paused;
  }

  /** How many tasks wait to run. */
  public synchronized int pending() {
    return tasks.size();
  }

  private record Task(long due, long seq, Runnable run) {}
}
