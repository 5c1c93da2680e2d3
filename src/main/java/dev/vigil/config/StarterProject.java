package dev.vigil.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

  /** This project with {@code more} lines saying what was found. */
  StarterProject withDetected(List<String> more) {
    List<String> all = new ArrayList<>(detected);
    all.addAll(more);
    return new StarterProject(kind, name, root, all, watch, ignore, after, stages);
  }

  StarterProject withWatch(List<String> newWatch) {
    return new StarterProject(kind, name, root, detected, newWatch, ignore, after, stages);
  }

  /** This project ignoring {@code more} lines too, each once. */
  StarterProject withIgnored(List<String> more) {
    Set<String> all = new LinkedHashSet<>(ignore);
    all.addAll(more);
    return new StarterProject(kind, name, root, detected, watch, List.copyOf(all), after, stages);
  }

  StarterProject withAfter(List<String> newAfter) {
    return new StarterProject(kind, name, root, detected, watch, ignore, newAfter, stages);
  }

  StarterProject withStages(List<StarterStage> newStages) {
    return new StarterProject(kind, name, root, detected, watch, ignore, after, newStages);
  }

  /** This project with each stage's tool looked up with {@code onPath}. */
  StarterProject checked(Predicate<String> onPath) {
    return withStages(stages.stream().map(s -> s.checked(onPath)).toList());
  }
}
