package dev.vigil.process;

import static dev.vigil.process.Specs.assertAllGone;
import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.running;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command leaves running when its main process exits is ended after the kill grace, unless
 * the command keeps its background; its result is its main process's exit either way.
 */
class BackgroundLeftoversTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path dir;

  private final List<OutputLine> lines = new CopyOnWriteArrayList<>();
  private final FakeScheduler scheduler = new FakeScheduler();
  private ProcessRunner runner;
  private final List<Long> started = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    Optional<Path> setsid = ProcessRunner.findOnPath("setsid");
    assumeTrue(setsid.isPresent(), "needs the setsid program (util-linux)");
    runner = new ProcessRunner(scheduler, setsid);
  }

  @AfterEach
  void close() {
    if (runner != null) {
      runner.close();
    }
    started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private RunningCommand start(String command, boolean keepBackground) {
    CommandSpec spec = Specs.withTimes(spec(command, dir), TIMEOUT, GRACE);
    if (keepBackground) {
      spec = Specs.keepingBackground(spec);
    }
    return runner.start(spec, OutputListener.eachLine(lines::add));
  }

  private long awaitPid() {
    await()
        .atMost(Specs.WAIT)
        .until(() -> lines.stream().anyMatch(l -> l.text().startsWith("bg ")));
    long pid =
        lines.stream()
            .map(OutputLine::text)
            .filter(t -> t.startsWith("bg "))
            .map(t -> Long.parseLong(t.substring(3)))
            .findFirst()
            .orElseThrow();
    started.add(pid);
    return pid;
  }

  private String notes() {
    return String.join("\n", lines.stream().map(OutputLine::text).toList());
  }

  @Test
  void aChildHoldingStdoutDoesNotKeepTheCommandRunningPastTheGrace() {
    RunningCommand command = start("sleep 307 & echo \"bg $!\"; echo started", false);
    long child = awaitPid();
    await().atMost(Specs.WAIT).until(() -> notes().contains("started"));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Specs.WAIT)
        .until(() -> running(child) && !command.result().isDone());
    scheduler.advance(GRACE);

    CommandOutput out = awaitResult(command);
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertThat(out.leftBehind()).isEqualTo(1);
    assertThat(out.tailText()).contains("1 process left running");
    assertAllGone(List.of(child));
  }

  @Test
  void aChildWithItsOutputRedirectedIsEndedToo() {
    RunningCommand command = start("sleep 307 >/dev/null 2>&1 & echo \"bg $!\"; exit 3", false);
    long child = awaitPid();

    await()
        .during(Duration.ofMillis(300))
        .atMost(Specs.WAIT)
        .until(() -> running(child) && !command.result().isDone());
    scheduler.advance(GRACE);

    CommandOutput out = awaitResult(command);
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(3));
    assertThat(out.leftBehind()).isEqualTo(1);
    assertAllGone(List.of(child));
  }

  @Test
  void aChildThatIgnoresSigtermIsKilledAGraceLater() {
    RunningCommand command =
        start("sh -c 'trap \"\" TERM; exec sleep 307' & echo \"bg $!\"", false);
    long child = awaitPid();
    await().atMost(Specs.WAIT).until(() -> running(child));
    scheduler.advance(GRACE);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Specs.WAIT)
        .until(() -> running(child) && !command.result().isDone());

    scheduler.advance(GRACE);

    CommandOutput out = awaitResult(command);
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertAllGone(List.of(child));
  }

  @Test
  void nothingLeftBehindMeansNoWaitAndNoNote() {
    RunningCommand command = start("sleep 0.1 & echo \"bg $!\"; wait; echo done", false);

    CommandOutput out = awaitResult(command);

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertThat(out.leftBehind()).isZero();
    assertThat(out.tailText()).doesNotContain("left running");
  }

  @Test
  void keepBackgroundEndsAtTheMainExitAndLeavesTheChildRunning() {
    RunningCommand command = start("sleep 307 & echo \"bg $!\"; echo started", true);
    long child = awaitPid();

    CommandOutput out = awaitResult(command);

    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertThat(out.tailText()).contains("started");
    assertThat(out.leftBehind()).isZero();
    assertThat(running(child)).isTrue();
  }

  @Test
  void cancelWhileWaitingForLeftoversEndsThemAtOnce() {
    RunningCommand command = start("sleep 307 & echo \"bg $!\"; exit 0", false);
    long child = awaitPid();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Specs.WAIT)
        .until(() -> running(child) && !command.result().isDone());

    command.cancel();

    CommandOutput out = awaitResult(command);
    assertThat(out.outcome()).isEqualTo(new Outcome.Exited(0));
    assertAllGone(List.of(child));
  }
}
