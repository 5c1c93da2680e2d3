package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;
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
  void pausedTimeIsTheCollectorsTimeAddedUp() {
    FakeCollector young = new FakeCollector(12);
    FakeCollector old = new FakeCollector(-1); // -1: this collector does not say
    try (SystemScheduler withFakes = new SystemScheduler("test-paused", List.of(young, old))) {
      long before = withFakes.pausedNanos();
      young.millis = 40;
      old.millis = 7;

      assertThat(before).isEqualTo(Duration.ofMillis(12).toNanos());
      assertThat(withFakes.pausedNanos()).isEqualTo(Duration.ofMillis(47).toNanos());
    }
  }

  @Test
  void pausedTimeComesFromThisJvmsCollectors() {
    long low = collectionNanos();
    long paused = scheduler.pausedNanos();
    long high = collectionNanos();

    assertThat(paused).isBetween(low, high);
  }

  private static long collectionNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, c.getCollectionTime());
    }
    return Duration.ofMillis(millis).toNanos();
  }

  /** A collector whose total collection time the test sets. */
  private static final class FakeCollector implements GarbageCollectorMXBean {
    volatile long millis;

    FakeCollector(long millis) {
      this.millis = millis;
    }

    @Override
    public long getCollectionTime() {
      return millis;
    }

    @Override
    public long getCollectionCount() {
      return 0;
    }

    @Override
    public String getName() {
      return "fake";
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public String[] getMemoryPoolNames() {
      return new String[0];
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }
}
