package dev.vigil.cli;

import dev.vigil.run.RunRecord;
import dev.vigil.run.StageStatus;
import java.util.List;

/** What {@code vigil logs} says for a stage that never ran and so has no log. */
final class NoLog {
  private NoLog() {}

  static String why(StageStatus status, RunRecord run) {
    if (status == StageStatus.SKIPPED) {
      List<String> notPassed =
          run.stages().stream()
              .filter(
                  s ->
                      !List.of(StageStatus.PASSED, StageStatus.CACHED, StageStatus.SKIPPED)
                          .contains(s.status()))
              .map(
                  s ->
                      s.name()
                          + " "
                          + (s.status() == StageStatus.TIMEOUT ? "timed out" : s.status().word()))
              .toList();
      return "skipped, so it has no log: a stage it needs did not pass"
          + (notPassed.isEmpty() ? "" : " (" + String.join(", ", notPassed) + ")");
    }
    if (status == StageStatus.CANCELLED) {
      return "cancelled before it started, so it has no log";
    }
    return "it did not run, so it has no log";
  }
}
