package dev.vigil.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Waits for an executor that was shut down, so nothing it ran outlives the daemon's stop. */
final class Executors2 {
  private static final long WAIT_SECONDS = 5;

  private Executors2() {}

  static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
