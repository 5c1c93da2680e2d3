package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.glob.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's stages as a graph by {@code needs}, and which of them a batch of changes concerns.
 * The config was validated, so names resolve and there is no cycle.
 */
final class StageGraph {
  private final Map<String, StageConfig> stages = new LinkedHashMap<>();
  private final Map<String, List<Glob>> when = new LinkedHashMap<>();

  StageGraph(ProjectConfig project) {
    for (StageConfig stage : project.stages()) {
      stages.put(stage.name(), stage);
      when.put(stage.name(), stage.when().stream().map(Glob::of).toList());
    }
  }

  /** Stages in file order. */
  List<StageConfig> stages() {
    return List.copyOf(stages.values());
  }

  StageConfig stage(String name) {
    return stages.get(name);
  }

  /**
   * The stages a run should run: all of them for a run without changed paths (manual, startup,
   * ...), else those the paths concern.
   */
  Set<String> selectedFor(List<String> changed) {
    return changed.isEmpty() ? new LinkedHashSet<>(stages.keySet()) : concernedBy(changed);
  }

  /** The stages whose {@code when} is empty or matches one of the changed paths. */
  Set<String> concernedBy(List<String> changed) {
    Set<String> selected = new LinkedHashSet<>();
    for (StageConfig stage : stages.values()) {
      if (concerns(stage.name(), changed)) {
        selected.add(stage.name());
      }
    }
    return selected;
  }

  /** The changed paths that a stage's {@code when} selects: all of them when it has none. */
  List<String> pathsFor(String stage, List<String> changed) {
    List<Glob> globs = when.get(stage);
    if (globs.isEmpty()) {
      return changed;
    }
    List<String> out = new ArrayList<>();
    for (String path : changed) {
      if (globs.stream().anyMatch(g -> g.matches(path))) {
        out.add(path);
      }
    }
    return out;
  }

  private boolean concerns(String stage, List<String> changed) {
    return when.get(stage).isEmpty() || !pathsFor(stage, changed).isEmpty();
  }
}
