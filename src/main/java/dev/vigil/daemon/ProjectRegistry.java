package dev.vigil.daemon;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.AfterChains;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The daemon's projects by name, and how a new config changes them: an unchanged project keeps
 * running untouched, a changed or new one is armed afresh, a removed one is retired once its run
 * has been cancelled.
 */
final class ProjectRegistry {
  private final Function<ProjectConfig, ProjectRuntime> factory;
  private final Map<String, ProjectRuntime> runtimes = new LinkedHashMap<>();
  private AfterChains chains = new AfterChains(List.of());
  private final AtomicBoolean applying = new AtomicBoolean();

  ProjectRegistry(Function<ProjectConfig, ProjectRuntime> factory) {
    this.factory = factory;
  }

  /**
   * Makes the registry match the config. Returns the runtimes created (not yet started) and, in
   * {@code changed}, the names of the projects that were armed afresh or removed. New runtimes are
   * built, and old ones retired, with no lock held: a status request meanwhile sees the projects as
   * they were. One config is applied at a time (the daemon's start, then its reloads, one by one).
   *
   * @throws IllegalStateException when another config is being applied at the same time
   */
  List<ProjectRuntime> apply(VigilConfig next, List<String> changed) {
    if (!applying.compareAndSet(false, true)) {
      throw new IllegalStateException("another config is being applied");
    }
    try {
      Map<String, ProjectRuntime> before = snapshot();
      Map<String, ProjectRuntime> keep = new LinkedHashMap<>();
      List<ProjectRuntime> fresh = new ArrayList<>();
      for (ProjectConfig project : next.projects()) {
        ProjectRuntime old = before.get(project.name());
        if (old != null && old.config().equals(project)) {
          keep.put(project.name(), old);
        } else {
          ProjectRuntime created = factory.apply(project);
          keep.put(project.name(), created);
          fresh.add(created);
          changed.add(project.name());
        }
      }
      List<ProjectRuntime> retired = new ArrayList<>();
      for (Map.Entry<String, ProjectRuntime> e : before.entrySet()) {
        if (keep.get(e.getKey()) != e.getValue()) {
          retired.add(e.getValue());
          if (!keep.containsKey(e.getKey())) {
            changed.add(e.getKey() + " (removed)");
          }
        }
      }
      install(keep, new AfterChains(next.projects()));
      retired.forEach(ProjectRegistry::retire); // cancels runs: not under the registry's lock
      return fresh;
    } finally {
      applying.set(false);
    }
  }

  private synchronized Map<String, ProjectRuntime> snapshot() {
    return new LinkedHashMap<>(runtimes);
  }

  private synchronized void install(Map<String, ProjectRuntime> next, AfterChains nextChains) {
    runtimes.clear();
    runtimes.putAll(next);
    chains = nextChains;
  }

  /** Every project now. */
  synchronized List<ProjectRuntime> all() {
    return List.copyOf(runtimes.values());
  }

  /** The named project, or all of them; an unknown name is an error naming the known ones. */
  synchronized List<ProjectRuntime> select(Optional<String> project) {
    if (project.isEmpty()) {
      return all();
    }
    ProjectRuntime r = runtimes.get(project.get());
    if (r == null) {
      throw new UnknownProjectException(project.get(), List.copyOf(runtimes.keySet()));
    }
    return List.of(r);
  }

  /** The projects that run when {@code project}'s pipeline passes. */
  synchronized List<ProjectRuntime> followersOf(String project) {
    List<ProjectRuntime> out = new ArrayList<>();
    for (String name : chains.followersOf(project)) {
      ProjectRuntime r = runtimes.get(name);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** The project's root, if the project is known. */
  synchronized Optional<Path> rootOf(String project) {
    return Optional.ofNullable(runtimes.get(project)).map(r -> r.config().root());
  }

  private static void retire(ProjectRuntime runtime) {
    runtime.loop().cancel();
    // Closed off the loop's own thread, since closing waits for that thread to end.
    runtime
        .loop()
        .idle()
        .orTimeout(60, TimeUnit.SECONDS)
        .whenCompleteAsync((v, e) -> runtime.close(), r -> new Thread(r, "vigil-retire").start());
  }
}
