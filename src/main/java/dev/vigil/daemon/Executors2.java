package dev.vigil.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's own threads: one named daemon thread per executor, and a wait for an executor that
 * was shut down, so nothing it ran outlives the daemon's stop.
 */
final class Executors2 {
  private static final long WAIT_SECONDS = 5;

  private Executors2() {}

  /** An executor with one daemon thread of that name. */
  static ExecutorService singleThread(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
