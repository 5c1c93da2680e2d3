package dev.vigil.report;

import java.util.List;

/** The whole of status.json. */
public record StatusSnapshot(int schema, DaemonStatus daemon, List<ProjectStatus> projects) {
  public StatusSnapshot {
    projects = List.copyOf(projects);
  }
}
