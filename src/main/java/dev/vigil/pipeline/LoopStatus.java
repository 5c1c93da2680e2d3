package dev.vigil.pipeline;

import dev.vigil.run.RunRecord;

/**
 * What a project's loop is doing, for status.json.
 *
 * @param running a pipeline runs (or waits for a slot under the workstation cap)
 * @param paused changes are held, not run
 * @param pendingChanges paths changed that no started run covers yet
 * @param stale the last result's inputs changed while it ran, and no run since has finished
 * @param lastRun the last finished run, or null
 */
public record LoopStatus(
    boolean running, boolean paused, int pendingChanges, boolean stale, RunRecord lastRun) {}
