package dev.vigil.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors and threads that are named daemon threads, so a thread dump says whose each one is and
 * none of them keeps the JVM alive; and a bounded wait for an executor that was shut down.
 */
public final class NamedThreads {
  private static final long WAIT_SECONDS = 5;

  private NamedThreads() {}

  /** Makes daemon threads all called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Makes daemon threads called {@code prefix-1}, {@code prefix-2}, ... */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> daemon(r, prefix + "-" + count.incrementAndGet());
  }

  /** An executor with one daemon thread of that name. */
  public static ExecutorService singleThread(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }

  /** A scheduled executor with one daemon thread of that name. */
  public static ScheduledExecutorService singleScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  /** A cached pool whose threads are called {@code prefix-1}, {@code prefix-2}, ... */
  public static ExecutorService cachedPool(String prefix) {
    return Executors.newCachedThreadPool(numbered(prefix));
  }

  /** Starts {@code task} on a daemon thread of that name. */
  public static Thread startDaemon(String name, Runnable task) {
    Thread t = daemon(task, name);
    t.start();
    return t;
  }

  /** Waits a few seconds for a shut-down executor's tasks to end; keeps the interrupt. */
  public static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
