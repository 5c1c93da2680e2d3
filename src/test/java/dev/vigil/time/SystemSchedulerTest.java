package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {
  private final SystemScheduler scheduler = new SystemScheduler("test-scheduler");

  @AfterEach
  void close() {
    scheduler.close();
  }

  @Test
  void aPreciseTaskNeverRunsBeforeItsTime() {
    for (long millis : new long[] {0, 1, 5, 20}) {
      Duration delay = Duration.ofMillis(millis);
      AtomicLong ranAfter = new AtomicLong(-1);
      long start = System.nanoTime();

      scheduler.schedulePrecisely(delay, () -> ranAfter.set(System.nanoTime() - start));

      await().atMost(Duration.ofSeconds(30)).until(() -> ranAfter.get() >= 0);
      assertThat(ranAfter.get()).isGreaterThanOrEqualTo(delay.toNanos());
    }
  }

  @Test
  void aCancelledPreciseTaskDoesNotRun() {
    AtomicBoolean ran = new AtomicBoolean();
    AtomicBoolean later = new AtomicBoolean();

    scheduler.schedulePrecisely(Duration.ofMillis(100), () -> ran.set(true)).cancel();
    scheduler.schedule(Duration.ofMillis(300), () -> later.set(true));

    await().atMost(Duration.ofSeconds(30)).untilTrue(later);
    assertThat(ran).isFalse();
  }

  @Test
  void aPreciseTaskHandedToAnExecutorRunsOnItsThreadAndNotBeforeItsTime() throws Exception {
    ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-loop"));
    try {
      AtomicLong ranAfter = new AtomicLong(-1);
      AtomicReference<String> thread = new AtomicReference<>();
      long start = System.nanoTime();

      scheduler.schedulePrecisely(
          Duration.ofMillis(20),
          () -> {
            ranAfter.set(System.nanoTime() - start);
            thread.set(Thread.currentThread().getName());
          },
          loop);

      await().atMost(Duration.ofSeconds(30)).until(() -> ranAfter.get() >= 0);
      assertThat(ranAfter.get()).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
      assertThat(thread.get()).isEqualTo("test-loop");
    } finally {
      loop.shutdownNow();
    }
  }

  @Test
  void aPreciseTaskCancelledAfterItsHandOverDoesNotRun() {
    AtomicReference<Runnable> handedOver = new AtomicReference<>();
    AtomicBoolean ran = new AtomicBoolean();

    Scheduler.Cancellable task =
        scheduler.schedulePrecisely(Duration.ofMillis(5), () -> ran.set(true), handedOver::set);
    await().atMost(Duration.ofSeconds(30)).until(() -> handedOver.get() != null);
    task.cancel();
    handedOver.get().run(); // the executor's thread gets to it only now

    assertThat(ran).isFalse();
  }

  @Test
  void aPreciseTaskForAnExecutorThatShutDownIsDroppedQuietly() {
    ExecutorService loop = Executors.newSingleThreadExecutor();
    loop.shutdown();
    AtomicBoolean ran = new AtomicBoolean();
    AtomicBoolean later = new AtomicBoolean();

    scheduler.schedulePrecisely(Duration.ofMillis(1), () -> ran.set(true), loop);
    scheduler.schedule(Duration.ofMillis(100), () -> later.set(true));

    await().atMost(Duration.ofSeconds(30)).untilTrue(later);
    assertThat(ran).isFalse();
  }

  @Test
  void pausedTimeGrowsWithCollections() {
    long before = scheduler.pausedNanos();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return scheduler.pausedNanos() > before;
            });
  }
}
