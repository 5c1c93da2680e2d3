package dev.vigil.pipeline;

import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of every selected stage of one run, and what follows from them: which may start, which
 * can no longer run, how the run came out. Guarded by the run's lock.
 */
final class StageBoard {
  private final StageGraph graph;
  private final Map<String, StageState> states = new LinkedHashMap<>();

  StageBoard(StageGraph graph, Set<String> selected) {
    this.graph = graph;
    for (String name : selected) {
      states.put(name, new StageState.Waiting());
    }
  }

  StageState get(String name) {
    return states.get(name);
  }

  void set(String name, StageState state) {
    states.put(name, state);
  }

  /** The stages waiting, in the order they were selected. */
  List<String> waiting() {
    List<String> out = new ArrayList<>();
    states.forEach(
        (name, state) -> {
          if (state instanceof StageState.Waiting) {
            out.add(name);
          }
        });
    return out;
  }

  /** Every stage's state, in the order they were selected. */
  Map<String, StageState> all() {
    return states;
  }

  /** A stage it needs ended without passing: it will not run. */
  boolean blocked(String name) {
    for (String need : graph.stage(name).needs()) {
      StageState dep = states.get(need);
      if (dep instanceof StageState.Done && !dep.passed()) {
        return true;
      }
    }
    return false;
  }

  /** Every stage it needs (of those selected) passed. */
  boolean ready(String name) {
    for (String need : graph.stage(name).needs()) {
      StageState dep = states.get(need);
      if (dep != null && !dep.passed()) {
        return false;
      }
    }
    return true;
  }

  /** How many stages hold a place: asking the cache, running, or waiting to run again. */
  int placesTaken() {
    return (int) states.values().stream().filter(StageState::takesPlace).count();
  }

  /** The records of the stages that ended so far. */
  List<StageRecord> records() {
    List<StageRecord> out = new ArrayList<>();
    for (StageState s : states.values()) {
      if (s instanceof StageState.Done d) {
        out.add(d.record());
      }
    }
    return out;
  }

  /** How a run that was not cancelled came out once every stage ended. */
  RunResult result() {
    boolean allPassed = true;
    for (StageState s : states.values()) {
      if (s instanceof StageState.Done d && d.couldNotRun()) {
        return RunResult.ERROR;
      }
      allPassed &= s.passed();
    }
    return allPassed ? RunResult.PASSED : RunResult.FAILED;
  }
}
