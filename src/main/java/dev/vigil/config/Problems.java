package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
      throw toException();
    }
  }

  /** Every problem found so far, in file order. */
  ConfigException toException() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return new ConfigException(sorted);
  }
}
