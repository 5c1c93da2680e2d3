package dev.vigil.process;

import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.process.OutputLine.Stream;
import dev.vigil.time.SystemScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessRunnerTest {
  @TempDir Path dir;

  private final SystemScheduler scheduler = new SystemScheduler("test-scheduler");
  final ProcessRunner runner = newRunner(scheduler);
  private final List<OutputLine> seen = new CopyOnWriteArrayList<>();

  ProcessRunner newRunner(SystemScheduler scheduler) {
    return new ProcessRunner(scheduler);
  }

  /** Called right before each command starts. */
  void beforeStart() {}

  @AfterEach
  void close() {
    runner.close();
    scheduler.close();
  }

  private CommandOutput run(CommandSpec spec) {
    return awaitResult(start(spec, seen::add));
  }

  private RunningCommand start(CommandSpec spec, Consumer<OutputLine> lines) {
    beforeStart();
    return runner.start(spec, OutputListener.eachLine(lines));
  }

  private CommandOutput run(String command) {
    return run(spec(command, dir));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void reportsTheExitCode(int code) {
    CommandOutput out = run("echo hi; exit " + code);

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(code));
    assertThat(out.outcome().succeeded()).isEqualTo(code == 0);
    assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "hi"));
    assertThat(out.totalBytes()).isEqualTo(3);
  }

  @Test
  void aLogFileThatCannotBeCreatedInAnExistingFolderIsReportedAndTheCommandStillRuns()
      throws Exception {
    Path log = Files.createDirectories(dir.resolve("runs/1/build.log"));
    CommandSpec spec = Specs.withLog(spec("echo hi > ran; echo done", dir), log, 1 << 20);

    CommandOutput out = run(spec);

    assertRanWithALogNote(out, log);
  }

  @Test
  void aLogFolderThatCannotBeCreatedIsReportedAndTheCommandStillRuns() throws Exception {
    Files.writeString(dir.resolve("runs"), "a file where the folder would go\n");
    Path log = dir.resolve("runs/1/build.log");
    CommandSpec spec = Specs.withLog(spec("echo hi > ran; echo done", dir), log, 1 << 20);

    CommandOutput out = run(spec);

    assertRanWithALogNote(out, log);
  }

  /** `echo hi > ran; echo done` ran whole, and the output begins with vigil's note on the log. */
  private void assertRanWithALogNote(CommandOutput out, Path log) {
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertThat(dir.resolve("ran")).content().isEqualToIgnoringNewLines("hi");
    assertThat(out.tail())
        .extracting(OutputLine::text)
        .first()
        .asString()
        .startsWith("vigil: cannot create log file " + log);
    assertThat(out.tail()).contains(new OutputLine(Stream.STDOUT, "done"));
  }

  @Test
  void aCommandWithASyntaxErrorExits2WithTheShellsMessage() {
    CommandOutput out = run("echo never; if");

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(2));
    assertThat(out.tail()).extracting(OutputLine::text).noneMatch(t -> t.equals("never"));
    assertThat(out.tail()).extracting(OutputLine::text).anyMatch(t -> t.contains("rror"));
  }

  @Test
  void anExitInTheMiddleEndsTheCommandWithItsCode() {
    CommandOutput out = run("echo one; exit 5; echo two");

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(5));
    assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "one"));
  }

  @Test
  void anExitBySignalShowsAs128PlusTheSignal() {
    assertThat(run("kill -TERM $$").outcome()).isEqualTo(new Outcome.Exited(143));
  }

  @Test
  void envAndWorkingDirectoryReachTheProcess() throws Exception {
    CommandSpec base = spec("printf '%s\\n' \"$VIGIL_TEST_VALUE\" \"$(pwd -P)\" \"$HOME\"", dir);
    CommandSpec spec =
        new CommandSpec(
            base.command(),
            dir,
            Map.of("VIGIL_TEST_VALUE", "forty two"),
            base.timeout(),
            base.killGrace(),
            base.logFile(),
            base.logLimitBytes());

    CommandOutput out = run(spec);

    assertThat(out.tail())
        .extracting(OutputLine::text)
        .containsExactly("forty two", dir.toRealPath().toString(), System.getenv("HOME"));
  }

  @Test
  void interleavedStdoutAndStderrKeepOrderAndTags() {
    CommandOutput out =
        run(
            "echo out1; sleep 0.1; echo err1 >&2; sleep 0.1; echo out2; sleep 0.1;"
                + " echo err2 >&2; sleep 0.1; echo err3 >&2; sleep 0.1; echo out3");

    List<OutputLine> expected =
        List.of(
            new OutputLine(Stream.STDOUT, "out1"),
            new OutputLine(Stream.STDERR, "err1"),
            new OutputLine(Stream.STDOUT, "out2"),
            new OutputLine(Stream.STDERR, "err2"),
            new OutputLine(Stream.STDERR, "err3"),
            new OutputLine(Stream.STDOUT, "out3"));
    assertThat(out.tail()).isEqualTo(expected);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void commandNotFoundExits127WithAClearLine() throws Exception {
    Path log = dir.resolve("logs/missing.log");
    CommandOutput out = run(Specs.withLog(spec("no-such-tool-xyz --flag", dir), log, 1 << 20));

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(127));
    OutputLine clear =
        new OutputLine(Stream.STDERR, "vigil: command not found (exit 127): no-such-tool-xyz");
    assertThat(out.tail()).endsWith(clear);
    assertThat(seen).endsWith(clear);
    assertThat(Files.readString(log)).endsWith(clear.text() + "\n");
  }

  @Test
  void aMissingWorkingDirectoryFailsToStartWithoutThrowing() {
    Path missing = dir.resolve("nope");

    CommandOutput out = run(spec("true", missing));

    assertThat(out.outcome()).isInstanceOf(Outcome.FailedToStart.class);
    assertThat(((Outcome.FailedToStart) out.outcome()).reason())
        .contains("does not exist")
        .contains(missing.toString());
    assertThat(out.exitCode()).isEqualTo(-1);
  }

  @Test
  void aFileAsWorkingDirectoryFailsToStart() throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");

    CommandOutput out = run(spec("true", file));

    assertThat(((Outcome.FailedToStart) out.outcome()).reason())
        .contains("not a directory")
        .contains(file.toString());
  }

  @Test
  void aCommandThatCannotBeTimedOutIsNotLeftRunning() {
    scheduler.close();

    CommandOutput out = run("echo \"pid $$\"; exec sleep 300");

    assertThat(out.cancelled()).isTrue();
    Specs.assertAllGone(seen.stream().map(l -> Long.parseLong(l.text().substring(4))).toList());
  }

  @Test
  void startAfterCloseFailsToStartWithoutThrowing() {
    runner.close();

    CommandOutput out =
        awaitResult(runner.start(spec("echo never", dir), OutputListener.eachLine(seen::add)));

    assertThat(((Outcome.FailedToStart) out.outcome()).reason()).contains("closed");
  }

  @Test
  void theLogUnderItsLimitIsExactlyTheOutput() throws Exception {
    Path log = dir.resolve("runs/1/build.log");

    CommandOutput out =
        run(Specs.withLog(spec("printf 'a\\r\\nb\\n'; printf 'c' >&2", dir), log, 1 << 20));

    assertThat(out.outcome().succeeded()).isTrue();
    // Each stream's bytes in order, interleaved line by line: stderr's unterminated "c" may come
    // between stdout's lines.
    assertThat(Files.readString(log)).isIn("a\r\nb\nc", "ca\r\nb\n", "a\r\ncb\n");
    assertThat(out.tail()).extracting(OutputLine::text).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aFloodIsBoundedInTheCaptureAndTheLog() throws Exception {
    Path log = dir.resolve("runs/flood/stage.log");
    long limit = 1 << 20;
    long lines = 3_000_000;

    AtomicLong count = new AtomicLong();
    CommandOutput out =
        awaitResult(
            start(
                Specs.withLog(
                    spec("head -c 300000000 /dev/zero | tr '\\0' 'x' | fold -w 100", dir),
                    log,
                    limit),
                l -> count.incrementAndGet()));

    assertThat(out.outcome().succeeded()).isTrue();
    assertThat(out.totalBytes()).isEqualTo(lines * 101 - 1); // fold ends without a newline
    assertThat(count.get()).isEqualTo(lines);
    int tailBytes =
        out.tail().stream().mapToInt(l -> l.text().getBytes(StandardCharsets.UTF_8).length).sum();
    assertThat(tailBytes).isLessThanOrEqualTo(CommandOutput.TAIL_LIMIT_BYTES).isGreaterThan(60_000);
    assertThat(out.tail()).allSatisfy(l -> assertThat(l.text()).hasSize(100));

    assertThat(Files.size(log)).isEqualTo(limit);
    List<String> logLines = Files.readAllLines(log);
    String marker =
        logLines.stream().filter(l -> l.startsWith("[vigil:")).findFirst().orElseThrow();
    assertThat(marker).matches("\\[vigil: \\d+ bytes dropped]");
    assertThat(logLines.get(0)).isEqualTo("x".repeat(100));
    assertThat(logLines.get(logLines.size() - 1)).isEqualTo("x".repeat(100));
    assertThat(logLines.stream().filter(l -> l.startsWith("[vigil:"))).hasSize(1);

    System.gc();
    Runtime rt = Runtime.getRuntime();
    assertThat(rt.totalMemory() - rt.freeMemory())
        .as("heap in use after the flood, with its result still held")
        .isLessThan(100L * 1024 * 1024);
  }

  @Test
  void theTailOfManyShortLinesIsAtMost64KiBWithItsNewlines() {
    CommandOutput out = awaitResult(start(spec("yes | head -c 300000", dir), l -> {}));

    assertThat(out.outcome().succeeded()).isTrue();
    int bytes = out.tailText().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThanOrEqualTo(CommandOutput.TAIL_LIMIT_BYTES);
    assertThat(bytes).isGreaterThan(CommandOutput.TAIL_LIMIT_BYTES - 2);
    assertThat(out.tailText()).startsWith("y\n").endsWith("y\ny\n");
  }

  @Test
  void aHugeLineWithoutNewlineIsCutIntoPieces() {
    List<Integer> lengths = new CopyOnWriteArrayList<>();
    CommandOutput out =
        awaitResult(
            start(
                spec("head -c 10000000 /dev/zero | tr '\\0' 'y'", dir),
                l -> lengths.add(l.text().length())));

    assertThat(out.outcome().succeeded()).isTrue();
    assertThat(out.totalBytes()).isEqualTo(10_000_000);
    assertThat(lengths.stream().mapToLong(Integer::longValue).sum()).isEqualTo(10_000_000);
    assertThat(lengths).hasSize(153).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(65_536));
    assertThat(out.tail()).hasSize(1);
    assertThat(out.tail().get(0).text()).hasSize(10_000_000 - 152 * 65_536);
  }

  @Test
  void cancelAfterExitIsHarmless() {
    RunningCommand command = start(spec("echo done", dir), seen::add);
    CommandOutput out = awaitResult(command);

    command.cancel();
    command.cancel();

    assertThat(command.result().join()).isSameAs(out);
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
  }

  @Test
  void theResultCompletesOnARunnerThread() throws Exception {
    RunningCommand command = start(spec("while [ ! -e go ]; do sleep 0.05; done", dir), seen::add);
    CompletableFuture<String> thread =
        command.result().thenApply(r -> Thread.currentThread().getName());

    Files.writeString(dir.resolve("go"), "");

    await().atMost(Specs.WAIT).until(thread::isDone);
    assertThat(thread.join()).startsWith(runner.threadPrefix());
  }

  @Test
  void aFailingListenerDoesNotStopTheCommand() {
    CommandOutput out =
        awaitResult(
            start(
                spec("echo a; echo b", dir),
                l -> {
                  throw new IllegalStateException("listener broke");
                }));

    assertThat(out.outcome().succeeded()).isTrue();
    assertThat(out.tail()).extracting(OutputLine::text).containsExactly("a", "b");
  }

  @Test
  void noThreadIsLeftAfterClose() {
    for (int i = 0; i < 3; i++) {
      run("echo " + i + "; echo err >&2");
    }
    run(spec("true", dir.resolve("missing")));

    runner.close();

    await()
        .atMost(Specs.WAIT)
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith(runner.threadPrefix())));
  }

  @Test
  void closeKillsWhatStillRuns() {
    RunningCommand command = start(spec("echo \"pid $$\"; exec sleep 300", dir), seen::add);
    await().atMost(Specs.WAIT).until(() -> !seen.isEmpty());
    long pid = Long.parseLong(seen.get(0).text().substring(4));

    runner.close();

    CommandOutput out = awaitResult(command);
    assertThat(out.cancelled()).isTrue();
    Specs.assertAllGone(List.of(pid));
    assertThat(out.duration()).isLessThan(Duration.ofSeconds(5));
  }
}
