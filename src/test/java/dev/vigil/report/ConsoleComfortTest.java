package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.FakeScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workstation comforts of the console: progress line, quiet, clear, notifications. */
class ConsoleComfortTest {
  private static final Path STATE = Path.of("/state");
  private static final String NL = System.lineSeparator();
  private static final String ERASE = "\r\u001B[K";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final FakeScheduler clock = new FakeScheduler();
  private final List<String> notified = new ArrayList<>();
  private final Notifier recording = (title, body) -> notified.add(title + " | " + body);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private ConsoleReporter console(boolean tty, boolean quiet, boolean clear) {
    return ConsoleReporter.human(
        out, STATE, new ConsoleOptions(tty, quiet, clear, Optional.of(clock), recording));
  }

  private static RunRecord queued() {
    return RunRecord.builder("engine", Trigger.of(TriggerKind.MANUAL))
        .runId("engine-42")
        .queuedAt(Fixtures.T0)
        .build();
  }

  @Test
  void onATerminalALongStageShowsALiveLineThatIsErasedBeforeItsResult() {
    ConsoleReporter console = console(true, false, false);

    console.stageStarted("engine", "test");
    clock.advance(Duration.ofMillis(1900));
    assertThat(printed()).as("nothing before 2 s").isEmpty();

    clock.advance(Duration.ofMillis(100));
    assertThat(printed()).isEqualTo(ERASE + "⟳ engine: test 2.0s");

    clock.advance(Duration.ofMillis(10_300));
    assertThat(printed()).endsWith(ERASE + "⟳ engine: test 12.2s").doesNotContain("\n");

    console.stageFinished("engine", Fixtures.passed("test", 12_300));
    String result = "\u001B[1mengine\u001B[0m: \u001B[32m✓ test passed\u001B[0m in 12.3s" + NL;
    assertThat(printed()).endsWith("⟳ engine: test 12.2s" + ERASE + result);

    int before = printed().length();
    clock.advance(Duration.ofSeconds(5));
    assertThat(printed()).hasSize(before);
    assertThat(clock.pending()).as("no ticking once idle").isZero();
  }

  @Test
  void theLiveLineNamesTheLongestRunningStageAndHowManyMoreRun() {
    ConsoleReporter console = console(true, false, false);

    console.stageStarted("engine", "clippy");
    clock.advance(Duration.ofMillis(1000));
    console.stageStarted("bindings", "lint");
    clock.advance(Duration.ofMillis(1000));

    assertThat(printed()).endsWith(ERASE + "⟳ engine: clippy 2.0s (+1 running)");

    console.runFinished(Fixtures.run("engine", "engine-42", RunResult.CANCELLED));
    clock.advance(Duration.ofMillis(1000));

    assertThat(printed()).endsWith(ERASE + "⟳ bindings: lint 2.0s");
  }

  @Test
  void anyOtherOutputErasesTheLiveLineFirst() {
    ConsoleReporter console = console(true, false, false);
    console.stageStarted("engine", "test");
    clock.advance(Duration.ofSeconds(3));

    console.info("vigil: config reloaded");

    assertThat(printed()).endsWith("⟳ engine: test 3.0s" + ERASE + "vigil: config reloaded" + NL);
  }

  @Test
  void noLiveLineWhenNotATerminal() {
    ConsoleReporter console = console(false, false, false);

    console.stageStarted("engine", "test");
    clock.advance(Duration.ofSeconds(30));
    console.stageFinished("engine", Fixtures.passed("test", 30_000));

    assertThat(printed()).isEqualTo("engine: test passed in 30.0s" + NL);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void quietPrintsOnlyTheResultOfAPassedRun() {
    ConsoleReporter console = console(false, true, false);
    RunRecord run =
        Fixtures.run(
            "engine",
            "engine-42",
            RunResult.PASSED,
            Fixtures.passed("fmt", 640),
            Fixtures.passed("t", 9));

    console.info("vigil: watching 1 project");
    console.runStarted(queued());
    console.stageStarted("engine", "fmt");
    run.stages().forEach(stage -> console.stageFinished("engine", stage));
    console.runFinished(run);

    assertThat(printed()).isEqualTo("engine: run passed in 812ms" + NL);
  }

  @Test
  void quietPrintsTheFailedStageWithItsTailLogAndDiagnosticsThenTheResult() {
    ConsoleReporter console = console(false, true, false);
    StageRecord fmt = Fixtures.passed("fmt", 640);
    StageRecord clippy =
        Fixtures.failed("clippy", 1500, "warning: x\nerror: y\n", Fixtures.mismatch(1));
    StageRecord test =
        new StageRecord("test", StageStatus.SKIPPED, null, 0, 0, "", null, List.of());
    RunRecord run = Fixtures.run("engine", "engine-42", RunResult.FAILED, fmt, clippy, test);

    console.runStarted(queued());
    run.stages().forEach(stage -> console.stageFinished("engine", stage));
    console.runFinished(run);

    assertThat(printed())
        .isEqualTo(
            String.join(
                    NL,
                    "engine: clippy failed in 1.5s (exit 101)",
                    "    warning: x",
                    "    error: y",
                    "  log: " + STATE.resolve("runs/engine-42/clippy.log"),
                    "src/lib.rs:3:9: error: mismatched types",
                    "engine: run failed in 812ms (clippy)")
                + NL);
  }

  @Test
  void clearClearsTheScreenBeforeEachRunOnATerminalOnly() {
    console(true, false, true).runStarted(queued());
    assertThat(printed()).isEqualTo("\u001B[2J\u001B[H\u001B[1mengine\u001B[0m: manual run" + NL);

    bytes.reset();
    console(false, false, true).runStarted(queued());
    assertThat(printed()).isEqualTo("engine: manual run" + NL);
  }

  @Test
  void aFailedRunIsNotifiedOnceAndAPassedOneNot() {
    ConsoleReporter console = console(false, false, false);

    console.runFinished(
        Fixtures.run("engine", "engine-1", RunResult.PASSED, Fixtures.passed("fmt", 3)));
    console.runFinished(
        Fixtures.run(
            "engine", "engine-2", RunResult.FAILED, Fixtures.failed("clippy", 3, "bad\n")));
    console.runFinished(Fixtures.run("engine", "engine-3", RunResult.CANCELLED));

    assertThat(notified).containsExactly("vigil: engine failed | clippy failed");
  }

  @Test
  void jsonModeNotifiesToo() {
    ConsoleReporter console = ConsoleReporter.json(out, out, new Json(), recording);

    console.runFinished(Fixtures.run("engine", "engine-2", RunResult.ERROR));

    assertThat(notified).containsExactly("vigil: engine failed | the run errored");
  }

  @Test
  void aNotifierThatThrowsDoesNotDisturbTheRun() {
    ConsoleReporter console =
        ConsoleReporter.human(
            out,
            STATE,
            new ConsoleOptions(
                false,
                false,
                false,
                Optional.empty(),
                (title, body) -> {
                  throw new IllegalStateException("no desktop");
                }));

    console.runFinished(
        Fixtures.run(
            "engine", "engine-2", RunResult.FAILED, Fixtures.failed("clippy", 3, "bad\n")));

    assertThat(printed()).isEqualTo("engine: run failed in 812ms (clippy)" + NL);
  }
}
