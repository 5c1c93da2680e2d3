package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.run.RunRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The projects of one {@code vigil once}, run one after another in {@code after} order. A project
 * whose upstream (among those chosen) failed or was skipped is skipped, not run: its upstream's
 * failure is what the user has to see.
 */
public final class OnceSequence {
  /** Hears each project's outcome, in order. */
  public interface Listener {
    void finished(RunRecord record);

    /**
     * The project was not run.
     *
     * @param upstream the project it follows that did not pass
     * @param upstreamSkipped whether that one was skipped too (else it failed)
     */
    void skipped(String project, String upstream, boolean upstreamSkipped);
  }

  private OnceSequence() {}

  /**
   * Runs each project with {@code runOne}, which returns its finished record; returns whether every
   * chosen project ran and passed.
   */
  public static boolean run(
      List<ProjectConfig> chosen, Function<ProjectConfig, RunRecord> runOne, Listener listener) {
    Map<String, Boolean> skipped = new HashMap<>();
    Map<String, Boolean> passed = new HashMap<>();
    boolean allPassed = true;
    for (ProjectConfig project : new AfterChains(chosen).inOrder()) {
      Optional<String> blocker =
          project.after().stream()
              .filter(up -> passed.containsKey(up) && !passed.get(up))
              .findFirst();
      if (blocker.isPresent()) {
        boolean upstreamSkipped = skipped.containsKey(blocker.get());
        skipped.put(project.name(), true);
        passed.put(project.name(), false);
        listener.skipped(project.name(), blocker.get(), upstreamSkipped);
        allPassed = false;
        continue;
      }
      RunRecord record = runOne.apply(project);
      passed.put(project.name(), record.passed());
      listener.finished(record);
      allPassed &= record.passed();
    }
    return allPassed;
  }
}
