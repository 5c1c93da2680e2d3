package dev.vigil.daemon;

import dev.vigil.report.ConsoleReporter;
import dev.vigil.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The recording of every armed project's file contents at the daemon's start: begun once all the
 * watches are registered, said on the console where it took a while, and its garbage given back
 * once every project is recorded.
 */
final class StartUpRecording {
  private static final double WORTH_SAYING_SECONDS = 1.0;

  /**
   * Start-up recording of at least this many files ends with one full collection: the walk's
   * garbage grew the heap, and only a full collection gives the room back to the system.
   */
  private static final int FILES_WORTH_A_COLLECTION = 20_000;

  private StartUpRecording() {}

  /**
   * Starts each project's recording in the background; returns at once. Call it after every
   * project's watches are registered, so that the walks do not compete with the registration.
   */
  static void start(
      List<ProjectRuntime> armed,
      Scheduler scheduler,
      ConsoleReporter console,
      BooleanSupplier stopping) {
    long walkStart = scheduler.nanoTime();
    List<CompletableFuture<Void>> taken = new ArrayList<>();
    for (ProjectRuntime runtime : armed) {
      runtime.takeBaseline();
      taken.add(
          runtime
              .baselineTaken()
              .thenRun(() -> report(runtime, (scheduler.nanoTime() - walkStart) / 1e9, console)));
    }
    CompletableFuture<Void> unused =
        CompletableFuture.allOf(taken.toArray(CompletableFuture[]::new))
            .thenRun(() -> giveBackHeap(armed, stopping));
  }

  /**
   * Says when a large project's content is recorded (a walk of a second or more): until then a
   * touch of a file not yet reached still runs, and the daemon is still busy starting up.
   */
  private static void report(ProjectRuntime runtime, double seconds, ConsoleReporter console) {
    if (seconds < WORTH_SAYING_SECONDS) {
      return;
    }
    console.info(
        String.format(
            Locale.ROOT,
            "%s: content of %,d files recorded in %.1f s",
            runtime.config().name(),
            runtime.baselineSize(),
            seconds));
  }

  /**
   * After a large start-up recording the heap holds the record and has grown with the walk's
   * garbage; a full collection now lets the JVM shrink it (to the launcher's MaxHeapFreeRatio), so
   * an idle daemon does not keep the walk's peak for good.
   */
  private static void giveBackHeap(List<ProjectRuntime> armed, BooleanSupplier stopping) {
    int files = 0;
    for (ProjectRuntime runtime : armed) {
      files += runtime.baselineSize();
    }
    if (files >= FILES_WORTH_A_COLLECTION && !stopping.getAsBoolean()) {
      System.gc();
    }
  }
}
