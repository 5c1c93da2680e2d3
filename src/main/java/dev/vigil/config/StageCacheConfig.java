package dev.vigil.config;

import java.util.List;

/**
 * Whether and how a stage's passed results are cached, from its {@code cache:} key.
 *
 * @param enabled false: the stage always runs
 * @param inputs globs of the files its key covers, relative to the root; empty means every watched,
 *     non-ignored file
 * @param env names of the variables whose values its key covers
 * @param tools commands whose output its key covers, such as {@code rustc -V}
 */
public record StageCacheConfig(
    boolean enabled, List<String> inputs, List<String> env, List<String> tools) {
  /** Not cached. */
  public static final StageCacheConfig OFF =
      new StageCacheConfig(false, List.of(), List.of(), List.of());

  /** Cached, with every watched file as input. */
  public static final StageCacheConfig ON =
      new StageCacheConfig(true, List.of(), List.of(), List.of());

  public StageCacheConfig {
    inputs = List.copyOf(inputs);
    env = List.copyOf(env);
    tools = List.copyOf(tools);
  }
}
