package dev.vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One stage of a project's pipeline, with every default already applied.
 *
 * @param name unique within its project
 * @param run shell command, run through {@code sh -c} in the project root
 * @param needs names of stages that must pass first
 * @param when globs (relative to the root) of the changes this stage concerns; empty means all
 * @param timeout after which the stage's process tree is killed
 * @param killGrace time between SIGTERM and SIGKILL
 * @param retry how failures are retried
 * @param env extra environment variables
 * @param format output format for diagnostics ({@code auto}, {@code cargo-json}, ...)
 * @param keepBackground leave running what the command started in the background when it exits
 * @param cache whether and how its passed results are cached
 */
public record StageConfig(
    String name,
    String run,
    List<String> needs,
    List<String> when,
    Duration timeout,
    Duration killGrace,
    RetryPolicy retry,
    Map<String, String> env,
    String format,
    boolean keepBackground,
    StageCacheConfig cache) {
  /** A stage that is not cached. */
  public StageConfig(
      String name,
      String run,
      List<String> needs,
      List<String> when,
      Duration timeout,
      Duration killGrace,
      RetryPolicy retry,
      Map<String, String> env,
      String format,
      boolean keepBackground) {
    this(
        name,
        run,
        needs,
        when,
        timeout,
        killGrace,
        retry,
        env,
        format,
        keepBackground,
        StageCacheConfig.OFF);
  }

  /** A stage whose background processes are ended when its command exits. */
  public StageConfig(
      String name,
      String run,
      List<String> needs,
      List<String> when,
      Duration timeout,
      Duration killGrace,
      RetryPolicy retry,
      Map<String, String> env,
      String format) {
    this(name, run, needs, when, timeout, killGrace, retry, env, format, false);
  }

  public StageConfig {
    needs = List.copyOf(needs);
    when = List.copyOf(when);
    env = Map.copyOf(env);
  }
}
