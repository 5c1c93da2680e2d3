package dev.vigil.process;

import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command tells its result and its notes with no lock of its own held: whoever hears them may
 * cancel the command from another thread and wait for that (a pipeline cancelling its other stages
 * as one fails) without stalling the command or itself.
 */
class StartedCommandLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final ProcessRunner runner = new ProcessRunner(scheduler);
  private final ExecutorService other = Executors.newSingleThreadExecutor();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    other.shutdownNow();
    runner.close();
  }

  @Test
  void aResultListenerThatCancelsTheCommandOnAnotherThreadIsNotStalled() throws Exception {
    RunningCommand command =
        runner.start(spec("while [ ! -e go ]; do sleep 0.05; done; exit 3", dir), line -> {});
    CompletableFuture<Void> told = command.result().thenRun(() -> cancelOnTheOtherThread(command));

    Files.createFile(dir.resolve("go"));

    CommandOutput output =
        assertTimeoutPreemptively(WAIT.multipliedBy(3), () -> awaitResult(command));
    await().atMost(WAIT.multipliedBy(2)).until(told::isDone);
    assertThat(seen).containsExactly("cancelled");
    assertThat(output.outcome())
        .as("a cancel after the end changes nothing")
        .isEqualTo(new Outcome.Exited(3));
  }

  @Test
  void aLineListenerThatCancelsOnTheNoteOfAMissingCommandIsNotStalled() {
    AtomicReference<RunningCommand> started = new AtomicReference<>();
    RunningCommand command =
        runner.start(
            spec("exec no-such-command-vigil-test", dir),
            OutputListener.eachLine(
                line -> {
                  if (line.text().startsWith("vigil: command not found")) {
                    await().atMost(WAIT).until(() -> started.get() != null);
                    cancelOnTheOtherThread(started.get());
                  }
                }));
    started.set(command);

    CommandOutput output =
        assertTimeoutPreemptively(WAIT.multipliedBy(3), () -> awaitResult(command));

    assertThat(seen).containsExactly("cancelled");
    assertThat(output.outcome()).isEqualTo(new Outcome.Exited(127));
  }

  private void cancelOnTheOtherThread(RunningCommand command) {
    try {
      CompletableFuture.runAsync(command::cancel, other).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      seen.add("cancelled");
    } catch (TimeoutException e) {
      seen.add("<stuck>");
    } catch (Exception e) {
      seen.add("<failed: " + e + ">");
    }
  }
}
