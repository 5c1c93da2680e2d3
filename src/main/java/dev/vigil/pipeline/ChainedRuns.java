package dev.vigil.pipeline;

import dev.vigil.run.TriggerKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Full runs of several projects asked for at once (at startup, after a reload), in {@code after}
 * order: a project whose upstreams run too waits until each of their runs has finished, passed or
 * not, and then runs once, instead of running at once and again when an upstream passes. Safe to
 * call from any thread; the starter is called without a lock held.
 */
public final class ChainedRuns {
  /** Starts a full run of the project, of the given trigger kind. */
  private final BiConsumer<String, TriggerKind> starter;

  private final Map<String, Waiting> waiting = new LinkedHashMap<>();
  private final Set<String> running = new HashSet<>();

  public ChainedRuns(BiConsumer<String, TriggerKind> starter) {
    this.starter = starter;
  }

  /**
   * Runs each project (a name and the upstreams its {@code after} names) now, or once the upstreams
   * among these, or among runs started here and not finished yet, have finished.
   */
  public void runAll(TriggerKind kind, Map<String, List<String>> projects) {
    List<String> now = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<String, List<String>> p : projects.entrySet()) {
        Set<String> upstreams = new LinkedHashSet<>();
        for (String upstream : p.getValue()) {
          if (projects.containsKey(upstream)
              || waiting.containsKey(upstream)
              || running.contains(upstream)) {
            upstreams.add(upstream);
          }
        }
        if (upstreams.isEmpty()) {
          waiting.remove(p.getKey());
          running.add(p.getKey());
          now.add(p.getKey());
        } else {
          waiting.put(p.getKey(), new Waiting(kind, upstreams));
        }
      }
    }
    now.forEach(name -> starter.accept(name, kind));
  }

  /**
   * A run of {@code project} finished (or the project is gone). Starts the projects that waited
   * only for it, and returns every project that waited for it: their run stands for the {@code
   * after} run this one would start.
   */
  public List<String> finished(String project) {
    List<String> held = new ArrayList<>();
    List<Map.Entry<String, TriggerKind>> released = new ArrayList<>();
    synchronized (this) {
      running.remove(project);
      for (Map.Entry<String, Waiting> w : waiting.entrySet()) {
        if (w.getValue().upstreams().remove(project)) {
          held.add(w.getKey());
          if (w.getValue().upstreams().isEmpty()) {
            released.add(Map.entry(w.getKey(), w.getValue().kind()));
          }
        }
      }
      for (Map.Entry<String, TriggerKind> r : released) {
        waiting.remove(r.getKey());
        running.add(r.getKey());
      }
    }
    released.forEach(r -> starter.accept(r.getKey(), r.getValue()));
    return held;
  }

  private record Waiting(TriggerKind kind, Set<String> upstreams) {}
}
