package dev.vigil.cli;

import dev.vigil.run.RunRecord;
import java.util.List;

/** What {@code vigil logs} says for a stage that never ran and so has no log. */
final class NoLog {
  private NoLog() {}

  static String why(String status, RunRecord run) {
    if (status.equals("skipped")) {
      List<String> notPassed =
          run.stages().stream()
              .filter(s -> !List.of("passed", "cached", "skipped").contains(s.status()))
              .map(s -> s.name() + " " + (s.status().equals("timeout") ? "timed out" : s.status()))
              .toList();
      return "skipped, so it has no log: a stage it needs did not pass"
          + (notPassed.isEmpty() ? "" : " (" + String.join(", ", notPassed) + ")");
    }
    if (status.equals("cancelled")) {
      return "cancelled before it started, so it has no log";
    }
    return "it did not run, so it has no log";
  }
}
