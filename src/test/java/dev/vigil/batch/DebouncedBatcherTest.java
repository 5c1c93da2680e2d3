package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.FileEvent;
import dev.vigil.watch.FileEvent.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebouncedBatcherTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(20);
  private static final Duration MAX_WAIT = Duration.ofMillis(100);
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path root;
  private final FakeScheduler scheduler = new FakeScheduler(EPOCH);
  private final List<ClosedBatch> batches = new ArrayList<>();
  private final AtomicBoolean gitBusy = new AtomicBoolean();

  private DebouncedBatcher batcher() {
    return DebouncedBatcher.builder(root, scheduler)
        .debounce(DEBOUNCE)
        .maxWait(MAX_WAIT)
        .gitBusy(gitBusy::get)
        .build(batches::add);
  }

  private FileEvent modified(String relative) {
    return new FileEvent(Kind.MODIFIED, root.resolve(relative), false);
  }

  private void advanceMillis(long millis) {
    scheduler.advance(Duration.ofMillis(millis));
  }

  @Test
  void quietPeriodClosesTheBatchExactlyDebounceAfterTheLastEvent() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    advanceMillis(15);
    batcher.offer(modified("b.txt"));
    advanceMillis(19);

    assertThat(batches).isEmpty();
    assertThat(batcher.isDebouncing()).isTrue();
    assertThat(batcher.pendingCount()).isEqualTo(2);

    advanceMillis(1);

    assertThat(batches).hasSize(1);
    ChangeBatch batch = batches.get(0).batch();
    assertThat(batch.changed()).containsExactly("a.txt", "b.txt");
    assertThat(batch.changedCount()).isEqualTo(2);
    assertThat(batch.truncated()).isFalse();
    assertThat(batch.firstEventAt()).isEqualTo(EPOCH);
    assertThat(batch.closedAt()).isEqualTo(EPOCH.plusMillis(35));
    assertThat(batches.get(0).overflowed()).isFalse();
    assertThat(batcher.isDebouncing()).isFalse();
    assertThat(batcher.pendingCount()).isZero();
  }

  @Test
  void aWallClockJumpForwardsOrBackNeitherFiresNorDelaysTheQuietPeriodOrMaxWait() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    scheduler.jumpWallClock(Duration.ofHours(1));
    advanceMillis(19);
    assertThat(batches).isEmpty();
    scheduler.jumpWallClock(Duration.ofHours(-2));
    advanceMillis(1);
    assertThat(batches).hasSize(1);

    for (int i = 0; i < 15; i++) {
      batcher.offer(modified("f" + i));
      scheduler.jumpWallClock(Duration.ofMinutes(i % 2 == 0 ? -30 : 30));
      advanceMillis(10);
    }
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).batch().changedCount()).as("closed at max wait").isEqualTo(10);
  }

  @Test
  void continuousEventsCloseTheBatchAtMaxWait() {
    DebouncedBatcher batcher = batcher();
    for (int i = 0; i < 15; i++) {
      batcher.offer(modified("f" + i));
      advanceMillis(10);
    }

    assertThat(batches).hasSize(1);
    ChangeBatch first = batches.get(0).batch();
    assertThat(first.closedAt()).isEqualTo(EPOCH.plusMillis(100));
    assertThat(first.changedCount()).isEqualTo(10);
    assertThat(batcher.pendingCount()).isEqualTo(5);

    advanceMillis(20);

    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).batch().changed()).containsExactly("f10", "f11", "f12", "f13", "f14");
  }

  @Test
  void aTimerLateFromAPauseWaitsAQuietPeriodMoreForEventsThatPiledUp() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    // The process stops (a GC pause) past the quiet period; the timer fires late on waking.
    scheduler.stall(DEBOUNCE.plus(DebouncedBatcher.STALL).plusMillis(5));

    assertThat(batches).isEmpty();

    // The watcher then delivers what the kernel held meanwhile.
    batcher.offer(modified("b.txt"));
    advanceMillis(19);
    assertThat(batches).isEmpty();
    advanceMillis(1);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changed()).containsExactly("a.txt", "b.txt");
  }

  @Test
  void aGarbageCollectionPauseInsideTheQuietPeriodDoesNotCountAsQuiet() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    advanceMillis(3);
    // The process stands still for 15 ms; its timer is still on time when it ends.
    scheduler.pause(Duration.ofMillis(15));
    advanceMillis(2);

    assertThat(batches).isEmpty();

    batcher.offer(modified("b.txt"));
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changed()).containsExactly("a.txt", "b.txt");
  }

  @Test
  void aShortCollectionPauseDoesNotDelayTheBatch() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    scheduler.pause(DebouncedBatcher.STALL);
    advanceMillis(20 - DebouncedBatcher.STALL.toMillis());

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().closedAt()).isEqualTo(EPOCH.plusMillis(20));
  }

  @Test
  void aTimerLateByLessThanTheStallLimitClosesTheBatch() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    scheduler.stall(DEBOUNCE.plus(DebouncedBatcher.STALL));

    assertThat(batches).hasSize(1);
  }

  @Test
  void pausesOverAndOverStillCloseTheBatchAtMaxWait() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a.txt"));
    scheduler.stall(DEBOUNCE.multipliedBy(2));
    scheduler.stall(DEBOUNCE.multipliedBy(2));
    assertThat(batches).isEmpty();

    // Past max_wait (100 ms): closes however late the timer.
    scheduler.stall(DEBOUNCE.multipliedBy(2));

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().closedAt()).isEqualTo(EPOCH.plusMillis(120));
  }

  @Test
  void batchesCloseOnTheClosingExecutorIncludingAfterGitIsDone() {
    List<Runnable> handedOver = new ArrayList<>();
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .closer(handedOver::add)
            .build(batches::add);
    batcher.offer(modified("a.txt"));
    advanceMillis(20);

    assertThat(batches).isEmpty();
    assertThat(handedOver).hasSize(1);

    handedOver.remove(0).run();

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changed()).containsExactly("a.txt");

    gitBusy.set(true);
    batcher.offer(modified("b.txt"));
    advanceMillis(20);
    handedOver.remove(0).run();
    gitBusy.set(false);
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(handedOver).hasSize(1);

    handedOver.remove(0).run();

    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).batch().changed()).containsExactly("b.txt");
  }

  @Test
  void aSecondBurstAfterClosingIsASecondBatch() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a"));
    advanceMillis(50);
    batcher.offer(modified("a"));
    batcher.offer(modified("b"));
    advanceMillis(50);

    assertThat(batches)
        .extracting(b -> b.batch().changed())
        .containsExactly(List.of("a"), List.of("a", "b"));
    assertThat(batches.get(1).batch().firstEventAt()).isEqualTo(EPOCH.plusMillis(50));
  }

  @Test
  void nothingHappensWithoutEvents() {
    batcher();
    advanceMillis(10_000);

    assertThat(batches).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void gitBusyHoldsTheBatchAndOneBatchComesOutAfterTheLockIsGone() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a"));
    gitBusy.set(true);
    for (int i = 0; i < 50; i++) {
      advanceMillis(30);
      batcher.offer(modified("checkout/" + i));
    }
    advanceMillis(5_000);

    assertThat(batches).isEmpty();
    assertThat(batcher.isDebouncing()).isTrue();
    assertThat(batcher.pendingCount()).isEqualTo(51);

    gitBusy.set(false);
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changedCount()).isEqualTo(51);
    advanceMillis(1_000);
    assertThat(batches).hasSize(1);
  }

  @Test
  void eventsLaggingBehindTheEndOfAGitOperationJoinTheSameBatch() {
    DebouncedBatcher batcher = batcher();
    gitBusy.set(true);
    batcher.offer(modified("a"));
    advanceMillis(30);
    gitBusy.set(false);
    advanceMillis(5);
    batcher.offer(modified("late"));
    advanceMillis(19);

    assertThat(batches).isEmpty();

    advanceMillis(1);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changed()).containsExactly("a", "late");
    assertThat(batches.get(0).batch().closedAt()).isEqualTo(EPOCH.plusMillis(55));
  }

  @Test
  void gitBusyForeverClosesTheBatchAtTheHoldLimit() {
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .gitHoldLimit(Duration.ofSeconds(1))
            .build(batches::add);
    gitBusy.set(true);
    batcher.offer(modified("a"));
    advanceMillis(20 + 980);

    assertThat(batches).isEmpty();

    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().closedAt()).isEqualTo(EPOCH.plusMillis(1_020));
  }

  @Test
  void theDefaultHoldLimitIsTenMinutes() {
    DebouncedBatcher batcher = batcher();
    gitBusy.set(true);
    batcher.offer(modified("a"));
    scheduler.advance(Duration.ofMinutes(9));
    assertThat(batches).isEmpty();

    scheduler.advance(Duration.ofMinutes(1).plus(DEBOUNCE));

    assertThat(batches).hasSize(1);
  }

  @Test
  void flushClosesTheOpenBatchAtOnce() {
    DebouncedBatcher batcher = batcher();
    gitBusy.set(true);
    batcher.offer(modified("a"));
    advanceMillis(5);

    batcher.flush();

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().closedAt()).isEqualTo(EPOCH.plusMillis(5));
    assertThat(batcher.isDebouncing()).isFalse();
    assertThat(scheduler.pending()).isZero();

    batcher.flush();
    assertThat(batches).hasSize(1);
  }

  @Test
  void aSinkThatWaitsForAnotherThreadFlushingDoesNotDeadlock() throws Exception {
    List<Throwable> stuck = new CopyOnWriteArrayList<>();
    List<ClosedBatch> got = new CopyOnWriteArrayList<>();
    AtomicReference<DebouncedBatcher> self = new AtomicReference<>();
    self.set(
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .build(
                batch -> {
                  got.add(batch);
                  if (got.size() == 1) {
                    try {
                      CompletableFuture.runAsync(
                              () -> {
                                self.get().offer(modified("b"));
                                self.get().flush();
                              })
                          .get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      stuck.add(e);
                    }
                  }
                }));
    self.get().offer(modified("a"));

    CompletableFuture.runAsync(self.get()::flush).get(30, TimeUnit.SECONDS);

    assertThat(stuck).isEmpty();
    assertThat(got)
        .extracting(b -> b.batch().changed())
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void closeCancelsTimersAndIgnoresLaterEvents() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(modified("a"));

    batcher.close();
    batcher.offer(modified("b"));
    advanceMillis(1_000);

    assertThat(scheduler.pending()).isZero();
    assertThat(batches).isEmpty();
    assertThat(batcher.isDebouncing()).isFalse();
  }

  @Test
  void overflowMarksTheBatchForRescanEvenWithoutPaths() {
    DebouncedBatcher batcher = batcher();
    batcher.offer(new FileEvent(Kind.OVERFLOW, root, false));
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).overflowed()).isTrue();
    assertThat(batches.get(0).batch().truncated()).isTrue();
    assertThat(batches.get(0).batch().changed()).isEmpty();
  }

  @Test
  void overflowKeepsThePathsSeenAndIsNotFiltered() {
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .contentFilter(paths -> List.of())
            .build(batches::add);
    batcher.offer(modified("a"));
    batcher.offer(new FileEvent(Kind.OVERFLOW, root, false));
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).overflowed()).isTrue();
    assertThat(batches.get(0).batch().changed()).containsExactly("a");
  }

  @Test
  void theContentFilterDecidesWhatIsListedAndAnEmptyResultIsNoBatch() {
    List<String> keep = new ArrayList<>(List.of("b"));
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .contentFilter(paths -> paths.stream().filter(keep::contains).toList())
            .build(batches::add);
    batcher.offer(modified("a"));
    batcher.offer(modified("b"));
    advanceMillis(20);
    keep.clear();
    batcher.offer(modified("a"));
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changed()).containsExactly("b");
    assertThat(batches.get(0).batch().changedCount()).isEqualTo(1);
  }

  @Test
  void aFailingContentFilterCountsEveryPathAsChanged() {
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .contentFilter(
                paths -> {
                  throw new IllegalStateException("disk on fire");
                })
            .build(batches::add);
    batcher.offer(modified("a"));
    advanceMillis(20);

    assertThat(batches).extracting(b -> b.batch().changed()).containsExactly(List.of("a"));
  }

  @Test
  void aFailingSinkDoesNotStopLaterBatches() {
    List<ChangeBatch> seen = new ArrayList<>();
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .build(
                closed -> {
                  seen.add(closed.batch());
                  throw new IllegalStateException("sink broke");
                });
    batcher.offer(modified("a"));
    advanceMillis(20);
    batcher.offer(modified("b"));
    advanceMillis(20);

    assertThat(seen).hasSize(2);
  }

  @Test
  void aBatchKeepsEveryPathWhateverTheListingLimit() {
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(DEBOUNCE)
            .maxWait(MAX_WAIT)
            .gitBusy(gitBusy::get)
            .maxListed(3)
            .build(batches::add);
    for (String name : List.of("e", "d", "c", "b", "a")) {
      batcher.offer(modified(name));
    }
    advanceMillis(20);

    ChangeBatch batch = batches.get(0).batch();
    assertThat(batch.changed()).containsExactly("a", "b", "c", "d", "e");
    assertThat(batch.changedCount()).isEqualTo(5);
    assertThat(batch.truncated()).isFalse();
    assertThat(batches.get(0).overflowed()).isFalse();
  }

  @Test
  void tenThousandAndOnePathsAreAllPassedOn() {
    DebouncedBatcher batcher = batcher();
    for (int i = 0; i < 10_001; i++) {
      batcher.offer(modified(String.format("src/f%05d.txt", i)));
    }
    batcher.flush();

    ChangeBatch batch = batches.get(0).batch();
    assertThat(batch.changed()).hasSize(10_001);
    assertThat(batch.changed().get(0)).isEqualTo("src/f00000.txt");
    assertThat(batch.changed().get(10_000)).isEqualTo("src/f10000.txt");
    assertThat(batch.changedCount()).isEqualTo(10_001);
    assertThat(batch.truncated()).isFalse();
  }

  @Test
  void exactlyMaxListedPathsAreNotTruncated() {
    DebouncedBatcher batcher = batcher();
    for (int i = 0; i < ChangeBatch.MAX_LISTED; i++) {
      batcher.offer(modified("f" + i));
    }
    batcher.flush();

    assertThat(batches.get(0).batch().truncated()).isFalse();
    assertThat(batches.get(0).batch().changedCount()).isEqualTo(ChangeBatch.MAX_LISTED);
  }

  @Test
  void maxWaitShorterThanDebounceIsRejectedWithBothValues() {
    assertThatThrownBy(
            () ->
                DebouncedBatcher.builder(root, scheduler)
                    .debounce(Duration.ofSeconds(2))
                    .maxWait(Duration.ofSeconds(1))
                    .gitBusy(gitBusy::get)
                    .build(batches::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_wait (PT1S)")
        .hasMessageContaining("debounce (PT2S)");
  }

  @Test
  void aBatcherWithoutADebounceIsRefusedByName() {
    assertThatThrownBy(
            () -> DebouncedBatcher.builder(root, scheduler).maxWait(MAX_WAIT).build(batches::add))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("debounce");
  }

  @Test
  void eventsOfferedFromManyThreadsAreAllInTheBatch() throws InterruptedException {
    DebouncedBatcher batcher = batcher();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  batcher.offer(modified("t" + thread + "/f" + i));
                }
              },
              "test-watcher-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    advanceMillis(20);

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).batch().changedCount()).isEqualTo(4_000);
  }
}
