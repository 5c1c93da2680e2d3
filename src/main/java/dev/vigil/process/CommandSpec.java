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
 * @param keepBackground leave running what the command started in the background when its main
 *     process exits; otherwise that is ended after the kill grace
 */
public record CommandSpec(
    String command,
    Path workingDir,
    Map<String, String> env,
    Duration timeout,
    Duration killGrace,
    Optional<Path> logFile,
    long logLimitBytes,
    boolean keepBackground) {
  public static final long DEFAULT_LOG_LIMIT = 8L * 1024 * 1024;

  /** A spec whose background processes are ended after its main process exits. */
  public CommandSpec(
      String command,
      Path workingDir,
      Map<String, String> env,
      Duration timeout,
      Duration killGrace,
      Optional<Path> logFile,
      long logLimitBytes) {
    this(command, workingDir, env, timeout, killGrace, logFile, logLimitBytes, false);
  }

  public CommandSpec {
    env = Map.copyOf(env);
  }
}
