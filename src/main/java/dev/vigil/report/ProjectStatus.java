package dev.vigil.report;

import dev.vigil.run.RunRecord;

/**
 * One project in status.json.
 *
 * @param state what it is doing; {@link ProjectState#STOPPED} once the daemon has stopped
 * @param pendingChanges paths changed since the last run started that no run covers yet
 * @param stale true when inputs changed while the last run ran
 * @param lastRun the last finished run, or null
 */
public record ProjectStatus(
    String name,
    String root,
    ProjectState state,
    int pendingChanges,
    boolean stale,
    RunRecord lastRun) {}
