package dev.vigil.config;

import java.util.List;

/**
 * A stage {@code vigil init} writes, with the reason it is there.
 *
 * @param name stage name
 * @param run shell command
 * @param needs stages that must pass first
 * @param when globs of the changes it concerns; empty means all
 * @param format diagnostics format, or null for the default
 * @param why one-line comment written above the stage
 */
public record StarterStage(
    String name, String run, List<String> needs, List<String> when, String format, String why) {
  public StarterStage {
    needs = List.copyOf(needs);
    when = List.copyOf(when);
  }

  /** This stage, needing {@code previous} when there is one. */
  StarterStage after(String previous) {
    return new StarterStage(
        name, run, previous == null ? List.of() : List.of(previous), when, format, why);
  }
}
