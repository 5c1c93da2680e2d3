package dev.vigil.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks names and dependencies among stages of a project ({@code needs}) or among projects ({@code
 * after}): duplicate names, dependencies on names that do not exist, and cycles.
 */
final class DependencyCheck {
  /** One named thing and the names it depends on, as written. */
  record Item(Located name, List<Located> dependencies) {}

  /**
   * The words for messages.
   *
   * @param kind "stage" or "project"
   * @param verb the key naming dependencies, "needs" or "after"
   * @param scope what the names must be, e.g. "a stage of project `p`"
   * @param where suffix for duplicate messages, e.g. " in project `p`"
   */
  record Words(String kind, String verb, String scope, String where) {}

  private final Problems problems;
  private final Words words;
  private final Map<String, Item> byName = new LinkedHashMap<>();

  DependencyCheck(Problems problems, Words words) {
    this.problems = problems;
    this.words = words;
  }

  void check(List<Item> items) {
    for (Item item : items) {
      Item first = byName.putIfAbsent(item.name().value(), item);
      if (first != null) {
        problems.add(
            item.name().mark(),
            "duplicate "
                + words.kind()
                + " name `"
                + item.name().value()
                + "`"
                + words.where()
                + " (first at line "
                + first.name().mark().line()
                + ")");
      }
    }
    for (Item item : items) {
      for (Located dep : item.dependencies()) {
        if (!byName.containsKey(dep.value())) {
          problems.add(dep.mark(), unknown(item, dep));
        }
      }
    }
    findCycles();
  }

  private String unknown(Item item, Located dep) {
    String message =
        words.kind()
            + " `"
            + item.name().value()
            + "` "
            + words.verb()
            + " `"
            + dep.value()
            + "`, which is not "
            + words.scope();
    List<String> others = new ArrayList<>(byName.keySet());
    others.remove(item.name().value());
    return Spelling.closest(dep.value(), others)
        .map(c -> message + "; did you mean `" + c + "`?")
        .orElse(message);
  }

  private void findCycles() {
    Set<String> done = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String start : byName.keySet()) {
      visit(start, new ArrayList<>(), done, reported);
    }
  }

  private void visit(String name, List<String> path, Set<String> done, Set<String> reported) {
    int onPath = path.indexOf(name);
    if (onPath >= 0) {
      report(path.subList(onPath, path.size()), reported);
      return;
    }
    if (done.contains(name) || !byName.containsKey(name)) {
      return;
    }
    path.add(name);
    for (Located dep : byName.get(name).dependencies()) {
      visit(dep.value(), path, done, reported);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  /** Reports a cycle once, starting from the member written first in the file. */
  private void report(List<String> cycle, Set<String> reported) {
    List<String> order = new ArrayList<>(byName.keySet());
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (order.indexOf(cycle.get(i)) < order.indexOf(cycle.get(first))) {
        first = i;
      }
    }
    List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
    rotated.addAll(cycle.subList(0, first));
    rotated.add(rotated.get(0));
    String message = "dependency cycle: " + String.join(" -> ", rotated);
    if (reported.add(message)) {
      String next = rotated.get(1);
      Mark at =
          byName.get(rotated.get(0)).dependencies().stream()
              .filter(d -> d.value().equals(next))
              .findFirst()
              .map(Located::mark)
              .orElse(byName.get(rotated.get(0)).name().mark());
      problems.add(at, message);
    }
  }
}
