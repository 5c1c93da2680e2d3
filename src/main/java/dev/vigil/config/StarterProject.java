package dev.vigil.config;

import java.util.List;

/**
 * A project {@code vigil init} found, as it will be written.
 *
 * @param kind what was detected: rust, maven, gradle, python, node or go
 * @param name project name, unique among the found projects
 * @param root relative to the directory searched, '/'-separated; {@code .} for the directory itself
 * @param detected why it was taken for this kind, one comment line each
 * @param watch globs to watch; empty means everything under the root
 * @param ignore gitignore lines for the tools' output
 * @param after projects whose passing run also starts this one
 * @param stages fail-fast, each needing the one before
 */
public record StarterProject(
    String kind,
    String name,
    String root,
    List<String> detected,
    List<String> watch,
    List<String> ignore,
    List<String> after,
    List<StarterStage> stages) {
  public StarterProject {
    detected = List.copyOf(detected);
    watch = List.copyOf(watch);
    ignore = List.copyOf(ignore);
    after = List.copyOf(after);
    stages = List.copyOf(stages);
  }

  StarterProject withName(String newName) {
    return new StarterProject(kind, newName, root, detected, watch, ignore, after, stages);
  }

  StarterProject with(
      List<String> moreDetected,
      List<String> newWatch,
      List<String> newAfter,
      List<StarterStage> newStages) {
    List<String> all = new java.util.ArrayList<>(detected);
    all.addAll(moreDetected);
    return new StarterProject(kind, name, root, all, newWatch, ignore, newAfter, newStages);
  }
}
