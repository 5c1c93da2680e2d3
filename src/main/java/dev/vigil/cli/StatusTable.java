package dev.vigil.cli;

import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The compact table of {@code vigil status}: project, state, last result, failing stage, age. */
final class StatusTable {
  private static final List<String> HEADER = List.of("PROJECT", "STATE", "LAST", "FAILING", "AGE");

  private StatusTable() {}

  static String render(StatusSnapshot status, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ProjectStatus p : status.projects()) {
      RunRecord run = p.lastRun();
      rows.add(
          List.of(
              p.name(),
              p.state() + (p.stale() ? " (stale)" : ""),
              run == null || run.result() == null ? "-" : run.result().word(),
              run == null ? "-" : failing(run),
              run == null || run.finishedAt() == null ? "-" : age(run.finishedAt(), now)));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String failing(RunRecord run) {
    for (StageRecord stage : run.stages()) {
      if (stage.status().failing()) {
        return stage.name();
      }
    }
    return "-";
  }

  /** How long ago, in the largest whole unit: {@code 12s ago}, {@code 5m ago}, {@code 3h ago}. */
  static String age(Instant then, Instant now) {
    long s = Math.max(0, Duration.between(then, now).toSeconds());
    if (s < 60) {
      return s + "s ago";
    }
    if (s < 3600) {
      return s / 60 + "m ago";
    }
    if (s < 86_400) {
      return s / 3600 + "h ago";
    }
    return s / 86_400 + "d ago";
  }
}
