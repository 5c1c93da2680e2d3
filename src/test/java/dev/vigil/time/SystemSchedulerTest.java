package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
