package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.run.CachedFrom;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private static final Path STATE = Path.of("/state");
  private static final String NL = System.lineSeparator();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String lines(String... lines) {
    return String.join(NL, lines) + NL;
  }

  private static RunRecord queued(Trigger trigger) {
    return RunRecord.builder("engine", trigger).runId("engine-42").queuedAt(Fixtures.T0).build();
  }

  @Test
  void aRunThatCouldNotWriteItsFilesSaysWhy() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    RunRecord run =
        Fixtures.run("engine", "engine-42", RunResult.ERROR).toBuilder()
            .error("cannot write the run's files in /state/runs/engine-42: disk full")
            .build();

    console.runFinished(run);

    assertThat(printed())
        .contains("run errored after 812ms: cannot write the run's files in /state/runs/engine-42")
        .contains("disk full");
  }

  @Test
  void aCachedStageSaysHowLongItsRunTookAndWhereItCameFrom() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    StageRecord local =
        new StageRecord(
            "clippy",
            StageStatus.CACHED,
            0,
            2,
            0,
            "",
            null,
            List.of(),
            List.of(),
            0,
            "ab12",
            new CachedFrom("engine-7", Fixtures.T0, "local"),
            12_345L);
    StageRecord remote =
        new StageRecord(
            "test",
            StageStatus.CACHED,
            0,
            9,
            0,
            "",
            null,
            List.of(),
            List.of(),
            0,
            "cd34",
            new CachedFrom("ci-3", Fixtures.T0, "remote"),
            640L);

    console.stageFinished("engine", local);
    console.stageFinished("engine", remote);

    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: clippy cached (12.3s saved)",
                "engine: test cached (640ms saved) from the remote cache"));
  }

  @Test
  void aChangedNameWithALineBreakOrOtherControlCharactersStaysOnItsLineQuoted() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);

    console.runStarted(queued(new Trigger(TriggerKind.CHANGE, List.of("odd\nname.md"), 1, false)));
    console.runStarted(
        queued(new Trigger(TriggerKind.CHANGE, List.of("tab\there \"q\" \u001b[31m"), 1, false)));

    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: \"odd\\nname.md\" changed",
                "engine: \"tab\\there \\\"q\\\" \\033[31m\" changed"));
  }

  @Test
  void aPassedRunReadsAsOneLinePerStage() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    RunRecord run =
        Fixtures.run(
            "engine",
            "engine-42",
            RunResult.PASSED,
            Fixtures.passed("fmt", 640),
            Fixtures.passed("test", 12_345));

    console.runStarted(
        queued(new Trigger(TriggerKind.CHANGE, List.of("src/lib.rs", "a", "b", "c"), 4, false)));
    run.stages().forEach(stage -> console.stageFinished("engine", stage));
    console.runFinished(run);

    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: src/lib.rs changed (+3 more)",
                "engine: fmt passed in 640ms",
                "engine: test passed in 12.3s",
                "engine: run passed in 812ms"));
  }

  @Test
  void aFailedStageShowsItsTailLogAndDiagnostics() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    String tail =
        IntStream.rangeClosed(1, 45).mapToObj(i -> "line " + i).reduce((a, b) -> a + "\n" + b).get()
            + "\n\u001B[1m\u001B[31merror\u001B[0m: could not compile\n";
    StageRecord clippy =
        Fixtures.failed("clippy", 75_000, tail, Fixtures.mismatch(5), Fixtures.mismatch(1));
    StageRecord test =
        new StageRecord("test", StageStatus.SKIPPED, null, 0, 0, "", null, List.of());
    RunRecord run = Fixtures.run("engine", "engine-42", RunResult.FAILED, clippy, test);

    console.stageFinished("engine", clippy);
    console.stageFinished("engine", test);
    console.runFinished(run);

    List<String> expected = new ArrayList<>();
    expected.add("engine: clippy failed in 1m15s (exit 101)");
    IntStream.rangeClosed(7, 45).forEach(i -> expected.add("    line " + i));
    expected.add("    error: could not compile");
    expected.add("  log: " + STATE.resolve("runs/engine-42/clippy.log"));
    expected.add("src/lib.rs:3:9: error: mismatched types (seen 5x this week)");
    expected.add("src/lib.rs:3:9: error: mismatched types");
    expected.add("engine: test skipped");
    expected.add("engine: run failed in 812ms (clippy)");
    assertThat(printed()).isEqualTo(lines(expected.toArray(String[]::new)));
    assertThat(printed()).doesNotContain("\u001B");
  }

  @Test
  void aVeryLongOutputLineIsCutOnTheConsoleWithANote() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    String tail = "before\n" + "x".repeat(16_384) + "\nafter\n";

    console.stageFinished("engine", Fixtures.failed("gen", 900, tail));

    String cut = "x".repeat(RunText.MAX_LINE_CHARS);
    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: gen failed in 900ms (exit 101)",
                "    before",
                "    " + cut + " [cut: 16,384 characters; see the log]",
                "    after",
                "  log: " + STATE.resolve("runs/engine-42/gen.log")));
  }

  @Test
  void aRecurringProblemShowsHowItWasFixedLastTime() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    java.time.Instant at = java.time.Instant.parse("2026-12-03T14:10:00Z");
    Diagnostic back =
        Fixtures.mismatch(4)
            .withLastFix(
                new Diagnostic.LastFix(
                    "engine-41",
                    at,
                    "--- a/src/lib.rs\n+++ b/src/lib.rs\n-    \"text\"\n+    42\n"));
    console.stageFinished("engine", Fixtures.failed("clippy", 640, "", back));

    String when =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(at.atZone(java.time.ZoneId.systemDefault()));
    assertThat(printed())
        .contains(
            lines(
                "src/lib.rs:3:9: error: mismatched types (seen 4x this week)",
                "    seen 4x this week; last fixed " + when + " in run engine-41:",
                "      --- a/src/lib.rs",
                "      +++ b/src/lib.rs",
                "      -    \"text\"",
                "      +    42"));
  }

  @Test
  void aTimedOutStageSaysSo() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);

    console.stageFinished(
        "engine",
        new StageRecord(
            "test",
            StageStatus.TIMEOUT,
            null,
            300_000,
            1,
            "running 3 tests\n",
            "runs/e-1/test.log",
            List.of()));

    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: test timed out after 5m00s",
                "    running 3 tests",
                "  log: " + STATE.resolve("runs/e-1/test.log")));
  }

  @Test
  void everyTriggerKindSaysWhyTheRunStarts() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);

    console.runStarted(queued(new Trigger(TriggerKind.CHANGE, List.of("src/lib.rs"), 1, false)));
    console.runStarted(queued(Trigger.of(TriggerKind.MANUAL)));
    console.runStarted(queued(Trigger.of(TriggerKind.STARTUP)));
    console.afterRunStarted(queued(Trigger.of(TriggerKind.AFTER)), "core");
    console.runStarted(queued(Trigger.of(TriggerKind.CONFIG)));

    assertThat(printed())
        .isEqualTo(
            lines(
                "engine: src/lib.rs changed",
                "engine: manual run",
                "engine: startup run",
                "engine: after core passed",
                "engine: config changed"));
  }

  @Test
  void colourOnlyOnATerminal() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, true);

    console.stageFinished("engine", Fixtures.passed("fmt", 640));

    assertThat(printed())
        .isEqualTo("\u001B[1mengine\u001B[0m: \u001B[32m✓ fmt passed\u001B[0m in 640ms" + NL);
  }

  @Test
  void configErrorsAndNotesArePrintedAsGiven() {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);

    console.configError("vigil.yaml:3:5: unknown key 'stagse' (did you mean 'stages'?)\n");
    console.info("watching 2 projects");

    assertThat(printed())
        .isEqualTo(
            lines(
                "config error:",
                "vigil.yaml:3:5: unknown key 'stagse' (did you mean 'stages'?)",
                "watching 2 projects"));
  }

  @Test
  void jsonModePrintsOneParseableLinePerRunAndNothingElse() throws JsonProcessingException {
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    Json json = new Json();
    ConsoleReporter console = ConsoleReporter.json(out, err, json);
    RunRecord first =
        Fixtures.run("engine", "engine-1", RunResult.PASSED, Fixtures.passed("fmt", 3));
    RunRecord second =
        Fixtures.run("engine", "engine-2", RunResult.FAILED, Fixtures.failed("fmt", 3, "bad\n"));

    console.runStarted(queued(Trigger.of(TriggerKind.MANUAL)));
    console.stageFinished("engine", first.stages().get(0));
    console.runFinished(first);
    console.info("reloaded");
    console.runFinished(second);

    List<String> printedLines = printed().lines().toList();
    assertThat(printedLines).hasSize(2);
    assertThat(json.readRun(printedLines.get(0))).isEqualTo(first);
    assertThat(json.readRun(printedLines.get(1))).isEqualTo(second);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("reloaded" + NL);
  }

  @Test
  void linesOfConcurrentCallsNeverInterleave() throws InterruptedException {
    ConsoleReporter console = ConsoleReporter.human(out, STATE, false);
    StageRecord failed = Fixtures.failed("clippy", 10, "a\nb\nc\nd\n");
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String project = "p" + t;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  console.stageFinished(project, failed);
                }
              },
              "reporter-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    List<String> all = printed().lines().toList();
    assertThat(all).hasSize(4 * 200 * 6);
    for (int i = 0; i < all.size(); i += 6) {
      assertThat(all.subList(i + 1, i + 6))
          .containsExactly(
              "    a",
              "    b",
              "    c",
              "    d",
              "  log: " + STATE.resolve("runs/engine-42/clippy.log"));
    }
  }

  @Test
  void durationsReadNaturally() {
    assertThat(RunText.duration(0)).isEqualTo("0ms");
    assertThat(RunText.duration(999)).isEqualTo("999ms");
    assertThat(RunText.duration(1000)).isEqualTo("1.0s");
    assertThat(RunText.duration(12_345)).isEqualTo("12.3s");
    assertThat(RunText.duration(125_000)).isEqualTo("2m05s");
  }
}
