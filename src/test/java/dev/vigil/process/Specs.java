package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers for tests that run real processes. */
final class Specs {
  static final Duration WAIT = Duration.ofSeconds(30);

  private Specs() {}

  static CommandSpec spec(String command, Path dir) {
    return new CommandSpec(
        command,
        dir,
        Map.of(),
        Duration.ofMinutes(1),
        Duration.ofSeconds(5),
        Optional.empty(),
        CommandSpec.DEFAULT_LOG_LIMIT);
  }

  static CommandSpec withLog(CommandSpec s, Path log, long limit) {
    return new CommandSpec(
        s.command(), s.workingDir(), s.env(), s.timeout(), s.killGrace(), Optional.of(log), limit);
  }

  static CommandSpec withEnv(CommandSpec s, Map<String, String> env) {
    return new CommandSpec(
        s.command(),
        s.workingDir(),
        env,
        s.timeout(),
        s.killGrace(),
        s.logFile(),
        s.logLimitBytes());
  }

  static CommandSpec withTimes(CommandSpec s, Duration timeout, Duration grace) {
    return new CommandSpec(
        s.command(), s.workingDir(), s.env(), timeout, grace, s.logFile(), s.logLimitBytes());
  }

  static CommandSpec keepingBackground(CommandSpec s) {
    return new CommandSpec(
        s.command(),
        s.workingDir(),
        s.env(),
        s.timeout(),
        s.killGrace(),
        s.logFile(),
        s.logLimitBytes(),
        true);
  }

  static CommandOutput awaitResult(RunningCommand command) {
    await().atMost(WAIT).until(() -> command.result().isDone());
    return command.result().join();
  }

  /** Whether the process runs; a zombie that init has not reaped yet does not. */
  static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessGroups::running).orElse(false);
  }

  /** Whether ProcessHandle still knows the process at all (zombies included). */
  static boolean present(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Asserts that none of the processes runs now, and that each is soon gone entirely (reaped). */
  static void assertAllGone(List<Long> pids) {
    assertThat(pids).noneMatch(Specs::running);
    await().atMost(WAIT).until(() -> pids.stream().noneMatch(Specs::present));
  }
}
