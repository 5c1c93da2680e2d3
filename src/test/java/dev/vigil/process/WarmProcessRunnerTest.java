package dev.vigil.process;

import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.process.OutputLine.Stream;
import dev.vigil.time.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour of {@link ProcessRunnerTest} again, with each command started in a shell parked
 * ahead ({@link ProcessRunner#keepWarm}), plus what is particular to such shells.
 */
class WarmProcessRunnerTest extends ProcessRunnerTest {
  @Override
  ProcessRunner newRunner(SystemScheduler scheduler) {
    ProcessRunner runner = new ProcessRunner(scheduler);
    runner.keepWarm();
    return runner;
  }

  @Override
  void beforeStart() {
    await().atMost(Specs.WAIT).until(runner::warmShellReady);
  }

  @Test
  void commandsRunInTheParkedShellOneAfterAnother() {
    for (int i = 1; i <= 3; i++) {
      beforeStart();
      CommandOutput out = awaitResult(runner.start(spec("echo run " + i, dir), line -> {}));
      assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "run " + i));
      assertThat(runner.warmStarts()).isEqualTo(i);
    }
  }

  @Test
  void quotesInTheCommandTheDirectoryAndTheValuesArriveLiterally() throws Exception {
    Path odd = Files.createDirectories(dir.resolve("it's a \"dir\" $(x)"));
    String value = "a'b \"c\" $HOME `x` \\n\nline two";
    CommandSpec spec =
        Specs.withEnv(
            spec("printf '%s|' \"$ODD\" \"$(pwd -P)\"; echo 'single '\\''quoted'\\'''", odd),
            Map.of("ODD", value));
    beforeStart();

    CommandOutput out = awaitResult(runner.start(spec, line -> {}));

    assertThat(runner.warmStarts()).isEqualTo(1);
    assertThat(String.join("\n", out.tail().stream().map(OutputLine::text).toList()))
        .isEqualTo(value + "|" + odd.toRealPath() + "|single 'quoted'");
  }

  @Test
  void theCommandReadsNothingFromItsInput() {
    beforeStart();

    CommandOutput out =
        awaitResult(runner.start(spec("cat; echo \"read: $(wc -c)\"", dir), line -> {}));

    assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "read: 0"));
  }

  @Test
  void aVariableNameTheShellCannotExportStartsCold() {
    CommandSpec spec = Specs.withEnv(spec("echo ran", dir), Map.of("odd-name", "1"));
    beforeStart();

    CommandOutput out = awaitResult(runner.start(spec, line -> {}));

    assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "ran"));
    assertThat(runner.warmStarts()).isZero();
  }

  @Test
  void aParkedShellKilledFromOutsideIsReplacedByAColdStart() throws Exception {
    beforeStart();
    List<Long> shells = new CopyOnWriteArrayList<>();
    ProcessHandle.current()
        .children()
        .filter(p -> p.info().commandLine().orElse("").contains("sh -s"))
        .forEach(p -> shells.add(p.pid()));
    assertThat(shells).isNotEmpty();
    shells.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    await().atMost(Specs.WAIT).until(() -> !runner.warmShellReady());

    CommandOutput out = awaitResult(runner.start(spec("echo still runs", dir), line -> {}));

    assertThat(out.tail()).containsExactly(new OutputLine(Stream.STDOUT, "still runs"));
    assertThat(runner.warmStarts()).isZero();
    await().atMost(Specs.WAIT).until(runner::warmShellReady);
  }

  @Test
  void closeEndsTheParkedShell() {
    beforeStart();
    List<ProcessHandle> shells =
        ProcessHandle.current()
            .children()
            .filter(p -> p.info().commandLine().orElse("").contains("sh -s"))
            .toList();
    assertThat(shells).isNotEmpty();

    runner.close();

    await().atMost(Specs.WAIT).until(() -> shells.stream().noneMatch(ProcessHandle::isAlive));
  }
}
