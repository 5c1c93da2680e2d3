package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in one config file, so all of them are reported at once. */
final class Problems {
  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void add(Mark mark, String message) {
    found.add(new ConfigProblem(file, mark.line(), mark.column(), message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws with every problem found so far, if there is any. */
  void throwIfAny() throws ConfigException {
    if (!found.isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(found);
      sorted.sort(
          java.util.Comparator.comparingInt(ConfigProblem::line)
              .thenComparingInt(ConfigProblem::column));
      throw new ConfigException(sorted);
    }
  }
}
