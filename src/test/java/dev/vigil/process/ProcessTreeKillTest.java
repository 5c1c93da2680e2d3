package dev.vigil.process;

import static dev.vigil.process.Specs.assertAllGone;
import static dev.vigil.process.Specs.awaitResult;
import static dev.vigil.process.Specs.running;
import static dev.vigil.process.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.time.FakeScheduler;
import dev.vigil.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeout and cancel end the whole tree, and only SIGKILL ends a child that ignores SIGTERM. */
class ProcessTreeKillTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Duration GRACE = Duration.ofSeconds(5);

  /** A shell with sleeping children and grandchildren and one child that ignores SIGTERM. */
  private static final String TREE =
      """
      echo "pid $$"
      sleep 300 & echo "pid $!"
      sh -c 'echo "pid $$"; sleep 300 & echo "pid $!"; wait' &
      sh -c 'trap "" TERM; echo "stubborn $$"; exec sleep 300' &
      wait
      """;

  @TempDir Path dir;

  private final List<OutputLine> lines = new CopyOnWriteArrayList<>();

  private List<Long> pids(String tag) {
    return lines.stream()
        .map(OutputLine::text)
        .filter(t -> t.startsWith(tag + " "))
        .map(t -> Long.parseLong(t.substring(tag.length() + 1)))
        .toList();
  }

  private void awaitTree() {
    await().atMost(Specs.WAIT).until(() -> pids("pid").size() == 4 && pids("stubborn").size() == 1);
  }

  private Optional<Path> setsid(boolean ownSession) {
    if (!ownSession) {
      return Optional.empty();
    }
    Optional<Path> setsid = ProcessRunner.findOnPath("setsid");
    assumeTrue(setsid.isPresent(), "needs the setsid program (util-linux)");
    return setsid;
  }

  private void killsTreeAfterGrace(
      boolean ownSession, BiConsumer<FakeScheduler, RunningCommand> endIt, Outcome want) {
    killsTreeAfterGrace(ownSession, false, endIt, want);
  }

  private void killsTreeAfterGrace(
      boolean ownSession,
      boolean warm,
      BiConsumer<FakeScheduler, RunningCommand> endIt,
      Outcome want) {
    FakeScheduler scheduler = new FakeScheduler();
    try (ProcessRunner runner = new ProcessRunner(scheduler, setsid(ownSession))) {
      if (warm) {
        runner.keepWarm();
        await().atMost(Specs.WAIT).until(runner::warmShellReady);
      }
      RunningCommand command =
          runner.start(
              Specs.withTimes(spec(TREE, dir), TIMEOUT, GRACE),
              OutputListener.eachLine(lines::add));
      awaitTree();
      List<Long> ordinary = pids("pid");
      long stubborn = pids("stubborn").get(0);
      assertThat(ordinary).allMatch(Specs::running);

      endIt.accept(scheduler, command);

      await().atMost(Specs.WAIT).until(() -> ordinary.stream().noneMatch(Specs::running));
      await()
          .during(Duration.ofMillis(500))
          .atMost(Specs.WAIT)
          .until(() -> running(stubborn) && !command.result().isDone());

      scheduler.advance(GRACE);

      CommandOutput out = awaitResult(command);
      assertThat(out.outcome()).isEqualTo(want);
      assertAllGone(ordinary);
      assertAllGone(List.of(stubborn));
      assertThat(runner.warmStarts()).isEqualTo(warm ? 1 : 0);
    }
  }

  @Test
  void aTreeStartedInAParkedShellIsKilledTheSameWay() {
    killsTreeAfterGrace(true, true, (s, c) -> s.advance(TIMEOUT), new Outcome.TimedOut());
  }

  @Test
  void aTreeStartedInAParkedShellWithoutOwnSessionIsKilledTheSameWay() {
    killsTreeAfterGrace(false, true, (s, c) -> c.cancel(), new Outcome.Cancelled());
  }

  @Test
  void timeoutTerminatesTheTreeAndKillsTheStubbornChildAfterTheGrace() {
    killsTreeAfterGrace(true, (s, c) -> s.advance(TIMEOUT), new Outcome.TimedOut());
  }

  @Test
  void cancelTerminatesTheTreeAndKillsTheStubbornChildAfterTheGrace() {
    killsTreeAfterGrace(true, (s, c) -> c.cancel(), new Outcome.Cancelled());
  }

  @Test
  void withoutOwnSessionTheTreeIsStillKilledThroughItsDescendants() {
    killsTreeAfterGrace(
        false,
        (s, c) -> {
          c.cancel();
          c.cancel();
        },
        new Outcome.Cancelled());
  }

  @Test
  void aGrandchildWhoseParentAlreadyExitedIsKilledThroughTheProcessGroup() {
    String script =
        """
        sh -c 'sleep 300 & echo "orphan $!"'
        echo "pid $$"
        sleep 300 & echo "pid $!"
        wait
        """;
    FakeScheduler scheduler = new FakeScheduler();
    try (ProcessRunner runner = new ProcessRunner(scheduler, setsid(true))) {
      RunningCommand command =
          runner.start(
              Specs.withTimes(spec(script, dir), TIMEOUT, GRACE),
              OutputListener.eachLine(lines::add));
      await().atMost(Specs.WAIT).until(() -> pids("pid").size() == 2);
      long orphan = pids("orphan").get(0);
      long root = pids("pid").get(0);
      assertThat(ProcessHandle.of(root).orElseThrow().descendants().map(ProcessHandle::pid))
          .doesNotContain(orphan);

      command.cancel();

      CommandOutput out = awaitResult(command);
      assertThat(out.cancelled()).isTrue();
      assertAllGone(List.of(orphan));
      assertAllGone(pids("pid"));
    }
  }

  @Test
  void realTimeoutWaitsTheGraceForAStubbornChildThenKillsIt() {
    Duration timeout = Duration.ofMillis(300);
    Duration grace = Duration.ofSeconds(1);
    try (SystemScheduler scheduler = new SystemScheduler("test-scheduler");
        ProcessRunner runner = new ProcessRunner(scheduler)) {
      RunningCommand command =
          runner.start(
              Specs.withTimes(spec(TREE, dir), timeout, grace),
              OutputListener.eachLine(lines::add));

      CommandOutput out = awaitResult(command);

      assertThat(out.timedOut()).isTrue();
      assertThat(out.duration()).isGreaterThanOrEqualTo(timeout.plus(grace));
      assertThat(pids("pid")).hasSize(4);
      assertThat(pids("stubborn")).hasSize(1);
      assertAllGone(pids("pid"));
      assertAllGone(pids("stubborn"));
    }
  }

  @Test
  void aTreeThatEndsOnSigtermDoesNotWaitForTheGrace() {
    try (SystemScheduler scheduler = new SystemScheduler("test-scheduler");
        ProcessRunner runner = new ProcessRunner(scheduler)) {
      RunningCommand command =
          runner.start(
              Specs.withTimes(
                  spec("echo \"pid $$\"; sleep 300 & echo \"pid $!\"; wait", dir),
                  TIMEOUT,
                  Duration.ofMinutes(10)),
              OutputListener.eachLine(lines::add));
      await().atMost(Specs.WAIT).until(() -> pids("pid").size() == 2);

      command.cancel();

      CommandOutput out = awaitResult(command);
      assertThat(out.cancelled()).isTrue();
      assertThat(out.duration()).isLessThan(Duration.ofSeconds(10));
      assertAllGone(pids("pid"));
    }
  }
}
