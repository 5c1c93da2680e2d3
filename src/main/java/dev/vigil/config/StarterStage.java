package dev.vigil.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A stage {@code vigil init} writes, with the reason it is there.
 *
 * @param name stage name
 * @param run shell command
 * @param needs stages that must pass first
 * @param when globs of the changes it concerns; empty means all
 * @param format diagnostics format, or null for the default
 * @param why one-line comment written above the stage
 * @param tool the program it runs, or null when it needs none of {@link StarterTool}'s
 * @param toolMissing true when {@code tool} was not found on the PATH
 * @param cache true for a pure check (fmt, clippy, lint, tests), answered from the stage cache when
 *     nothing it reads changed; never for a stage with side effects (builds into a virtualenv,
 *     installs, deploys)
 */
public record StarterStage(
    String name,
    String run,
    List<String> needs,
    List<String> when,
    String format,
    String why,
    StarterTool tool,
    boolean toolMissing,
    boolean cache) {
  public StarterStage {
    needs = List.copyOf(needs);
    when = List.copyOf(when);
  }

  /** This stage, needing {@code previous} when there is one. */
  StarterStage after(String previous) {
    return new StarterStage(
        name,
        run,
        previous == null ? List.of() : List.of(previous),
        when,
        format,
        why,
        tool,
        toolMissing,
        cache);
  }

  /** This stage, its tool looked up with {@code onPath}. */
  StarterStage checked(Predicate<String> onPath) {
    boolean missing = tool != null && !onPath.test(tool.command());
    return new StarterStage(name, run, needs, when, format, why, tool, missing, cache);
  }

  /** The tool this stage runs when it is not on the PATH. */
  public Optional<StarterTool> missingTool() {
    return toolMissing ? Optional.of(tool) : Optional.empty();
  }
}
