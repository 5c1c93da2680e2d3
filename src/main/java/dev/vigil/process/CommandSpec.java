package dev.vigil.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What to run.
 *
 * @param command shell text, run as {@code sh -c command}
 * @param workingDir the directory it runs in
 * @param env variables added to the inherited environment
 * @param timeout after which the whole process tree is killed
 * @param killGrace time between SIGTERM and SIGKILL
 * @param logFile where the full output goes (parent directories are created); empty for none
 * @param logLimitBytes at most this much is kept in the log: head and tail, with a marker
 */
public record CommandSpec(
    String command,
    Path workingDir,
    Map<String, String> env,
    Duration timeout,
    Duration killGrace,
    Optional<Path> logFile,
    long logLimitBytes) {
  public static final long DEFAULT_LOG_LIMIT = 8L * 1024 * 1024;

  public CommandSpec {
    env = Map.copyOf(env);
  }
}
