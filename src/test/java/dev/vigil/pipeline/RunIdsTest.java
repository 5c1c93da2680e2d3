package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {
  @TempDir Path state;

  @Test
  void twoAllocatorsOnOneStateDirNeverHandOutTheSameId() {
    RunIds daemon = new RunIds(state);
    RunIds once = new RunIds(state);

    List<String> ids = new ArrayList<>();
    ids.add(daemon.next("app"));
    ids.add(once.next("app"));
    ids.add(daemon.next("app"));
    ids.add(once.next("app"));

    assertThat(ids).containsExactly("app-1", "app-2", "app-3", "app-4");
  }

  @Test
  void racingAllocatorsNeverCollide() throws Exception {
    int perThread = 50;
    List<RunIds> allocators = List.of(new RunIds(state), new RunIds(state), new RunIds(state));
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(allocators.size());
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (RunIds ids0 : allocators) {
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  for (int i = 0; i < perThread; i++) {
                    ids.add(ids0.next("app"));
                  }
                },
                pool));
      }
      go.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }

    assertThat(new HashSet<>(ids)).hasSize(allocators.size() * perThread);
  }

  @Test
  void anIdReservedForTheNextRunIsNeverHandedToAnotherProcess() {
    RunIds daemon = new RunIds(state);
    RunIds once = new RunIds(state);

    String prepared = daemon.reserve("app");
    String theOnce = once.next("app");
    String theDaemons = daemon.next("app");

    assertThat(theDaemons).isEqualTo(prepared);
    assertThat(theOnce).isNotEqualTo(prepared);
    assertThat(daemon.next("app")).isNotIn(prepared, theOnce);
  }

  @Test
  void aRestartGoesOnFromTheHighestIdInHistoryEvenWithoutItsFolder() throws Exception {
    Files.writeString(
        state.resolve("history.1.jsonl"),
        "{\"schema\":1,\"project\":\"app\",\"runId\":\"app-41\",\"result\":\"passed\"}\n");
    Files.writeString(
        state.resolve("history.jsonl"),
        "{\"schema\":1,\"project\":\"app\",\"runId\":\"app-17\",\"result\":\"passed\"}\n"
            + "{\"schema\":1,\"project\":\"app-x\",\"runId\":\"app-x-90\",\"result\":\"passed\"}\n"
            + "not json at all\n");

    assertThat(new RunIds(state).next("app")).isEqualTo("app-42");
  }

  @Test
  void aRestartGoesOnFromTheHighestFolderInRuns() throws Exception {
    Files.createDirectories(state.resolve("runs/app-7"));
    Files.createDirectories(state.resolve("runs/app-utils-30"));

    assertThat(new RunIds(state).next("app")).isEqualTo("app-8");
  }

  @Test
  void aFolderThatExistsAlreadyIsNeverReusedEvenWhenTheCounterIsBehind() throws Exception {
    RunIds first = new RunIds(state);
    assertThat(first.next("app")).isEqualTo("app-1");
    Files.createDirectories(state.resolve("runs/app-2"));
    Files.createDirectories(state.resolve("runs/app-3"));

    assertThat(new RunIds(state).next("app")).isEqualTo("app-4");
  }

  @Test
  void aDamagedCounterFileFallsBackToWhatIsOnDisk() throws Exception {
    RunIds first = new RunIds(state);
    first.next("app");
    Files.createDirectories(state.resolve("runs/app-5"));
    Files.writeString(state.resolve(RunIds.FILE_NAME), "{\"app\": ");

    assertThat(new RunIds(state).next("app")).isEqualTo("app-6");
  }

  @Test
  void theCounterFileIsOwnerOnly() throws Exception {
    new RunIds(state).next("app");

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve(RunIds.FILE_NAME))))
        .isEqualTo("rw-------");
  }
}
