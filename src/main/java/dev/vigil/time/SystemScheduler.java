package dev.vigil.time;

import dev.vigil.threads.NamedThreads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The real clock, with one named daemon thread that runs scheduled tasks. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
  /**
   * How early a precise task's thread wakes, to wait out the rest in a busy loop: a parked thread
   * wakes 0.1-0.2 ms after its time (timer slack, a virtual CPU's wake-up), a spinning one on time.
   */
  static final Duration SPIN = Duration.ofNanos(300_000);

  /**
   * How early a precise task is handed to another thread: the spin, plus the 0.1-0.2 ms that thread
   * may take to wake.
   */
  static final Duration HANDOVER = Duration.ofNanos(600_000);

  private final ScheduledExecutorService timers;
  private final List<GarbageCollectorMXBean> collectors;

  /** A scheduler on a thread of that name, whose paused time is the JVM's collections' time. */
  public SystemScheduler(String threadName) {
    this(threadName, ManagementFactory.getGarbageCollectorMXBeans());
  }

  /**
   * A scheduler that knows of no pauses, for a process that needs no such correction: it loads none
   * of the management classes the collectors' times come from.
   */
  public static SystemScheduler withoutPauses(String threadName) {
    return new SystemScheduler(threadName, List.of());
  }

  /** A scheduler whose paused time is the time these collectors report. */
  SystemScheduler(String threadName, List<GarbageCollectorMXBean> collectors) {
    this.timers = NamedThreads.singleScheduler(threadName);
    this.collectors = List.copyOf(collectors);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public long pausedNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future =
        timers.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public Cancellable schedulePrecisely(Duration delay, Runnable task) {
    return schedulePrecisely(delay, task, Runnable::run, SPIN);
  }

  @Override
  public Cancellable schedulePrecisely(Duration delay, Runnable task, Executor executor) {
    return schedulePrecisely(delay, task, executor, HANDOVER);
  }

  /** Wakes {@code lead} before the task's time, hands it to the executor, which spins until due. */
  private Cancellable schedulePrecisely(
      Duration delay, Runnable task, Executor executor, Duration lead) {
    long dueNanos = System.nanoTime() + Math.max(0, delay.toNanos());
    AtomicBoolean cancelled = new AtomicBoolean();
    Runnable onTime =
        () -> {
          while (System.nanoTime() < dueNanos && !cancelled.get()) {
            Thread.onSpinWait();
          }
          if (!cancelled.get()) {
            task.run();
          }
        };
    Runnable handOver =
        () -> {
          try {
            executor.execute(onTime);
          } catch (RejectedExecutionException shutDown) {
            // the executor's owner is closing: the task has nowhere to run
          }
        };
    long wake = Math.max(0, delay.toNanos() - lead.toNanos());
    ScheduledFuture<?> future = timers.schedule(handOver, wake, TimeUnit.NANOSECONDS);
    return () -> {
      cancelled.set(true);
      future.cancel(false);
    };
  }

  @Override
  public void close() {
    timers.shutdownNow();
    try {
      // A task already running (a cookie write, a status flush) ends before close returns.
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
