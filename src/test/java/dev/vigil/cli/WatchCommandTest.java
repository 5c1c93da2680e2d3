package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.daemon.Daemon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil watch} in-process: a real daemon on a temp directory, stopped by the test. */
class WatchCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NL = System.lineSeparator();

  @TempDir Path root;
  @TempDir Path state;
  @TempDir Path outside;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CompletableFuture<Daemon> started = new CompletableFuture<>();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "watch-command-test"));

  @AfterEach
  void stop() throws Exception {
    if (started.isDone()) {
      started.join().stop().get(60, TimeUnit.SECONDS);
    }
    runner.shutdownNow();
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code vigil watch args...} to its end, as Main would. */
  private int watch(String... args) {
    CliContext ctx =
        new CliContext(
            Map.of("PATH", System.getenv("PATH"), "VIGIL_STATE_DIR", state.toString()),
            root,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    Foreground foreground =
        daemon -> {
          started.complete(daemon);
          daemon.stopped().join();
        };
    CommandLine cl = new CommandLine(new WatchCommand(ctx, foreground));
    ErrorHandler errors = new ErrorHandler(ctx, new VerboseFlag());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl.execute(args);
  }

  private Future<Integer> watchInBackground(String... args) {
    return runner.submit(() -> watch(args));
  }

  @Test
  void runsTheCommandsInOrderFailFastOnStartAndOnEverySaveButNotForIgnoredFiles() throws Exception {
    Path order = outside.resolve("order.txt");
    Files.createDirectories(root.resolve("generated"));
    Future<Integer> exit =
        watchInBackground(
            "-x",
            "echo one >> '" + order + "'",
            "-x",
            "echo two >> '" + order + "'; test ! -f broken",
            "-x",
            "echo three >> '" + order + "'",
            "--ignore",
            "generated/",
            "--debounce",
            "50ms");

    await().atMost(WAIT).until(() -> printed().contains("run passed"));
    assertThat(Files.readAllLines(order)).containsExactly("one", "two", "three");
    assertThat(printed())
        .startsWith("vigil: watching 1 project")
        .contains(
            String.join(
                NL,
                root.getFileName() + ": startup run",
                root.getFileName() + ": echo-one passed in "));
    Files.writeString(order, "");

    Files.writeString(root.resolve("generated/out.txt"), "made by a tool");
    Files.writeString(root.resolve("broken"), "now the second command fails");

    await().atMost(WAIT).until(() -> printed().contains("run failed"));
    String second = printed().substring(printed().indexOf("run passed"));
    assertThat(second)
        .contains(root.getFileName() + ": broken changed" + NL)
        .contains(root.getFileName() + ": echo-two failed")
        .contains(root.getFileName() + ": echo-three skipped")
        .contains(root.getFileName() + ": run failed in ")
        .doesNotContain("generated");
    assertThat(Files.readAllLines(order)).containsExactly("one", "two");

    started.join().stop();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    Path ownState = WatchConfig.stateDir(state, root);
    assertThat(ownState.resolve("status.json")).exists();
    assertThat(ownState.resolve("history.jsonl")).exists();
    assertThat(state.resolve("daemon.lock")).doesNotExist();
  }

  @Test
  void quietPrintsOnlyTheResultOfAPassedRun() throws Exception {
    Future<Integer> exit = watchInBackground("--quiet", "-x", "true", "-x", "echo noise");

    await().atMost(WAIT).until(() -> printed().contains("run passed"));
    started.join().stop();

    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    assertThat(printed()).matches(root.getFileName() + ": run passed in \\d+m?s" + NL);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("watching");
  }

  @Test
  void aSecondWatchOfTheSameDirectoryIsRefusedButADaemonStateDirStaysFree() throws Exception {
    watchInBackground("-x", "true");
    await().atMost(WAIT).until(() -> printed().contains("run passed"));

    int second = watch("-x", "true");

    assertThat(second).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("pid " + ProcessHandle.current().pid());
    assertThat(state.resolve("daemon.lock")).doesNotExist();
  }

  @Test
  void withoutACommandItIsAUsageError() {
    assertThat(watch()).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "vigil: watch needs a command to run; usage: vigil watch [DIR] -x 'COMMAND'"
                + " [-x 'COMMAND']..."
                + NL);
    assertThat(started).isNotDone();
  }

  @Test
  void aBadDebounceIsAUsageErrorWithTheConfigMessage() {
    assertThat(watch("-x", "make", "--debounce", "10 parsecs")).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "vigil: `debounce`: `10 parsecs` is not a duration; write a number and a unit"
                + " (ms, s, m, h), e.g. `50ms`, `2s`, `10m`"
                + NL);
    assertThat(started).isNotDone();
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThat(watch("nowhere", "-x", "make")).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("vigil: no such directory: " + root.resolve("nowhere") + NL);
    assertThat(List.of(state.toFile().list())).isEmpty();
  }
}
