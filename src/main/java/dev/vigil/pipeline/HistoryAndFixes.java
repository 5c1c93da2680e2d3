package dev.vigil.pipeline;

import dev.vigil.diagnostics.FixMemory;
import dev.vigil.diagnostics.RecurrenceCounter;
import dev.vigil.report.HistoryLog;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Counts how often each diagnostic failed a run of the project in the last 7 days of history, and
 * remembers how each was fixed (in the state dir the history is in).
 */
public final class HistoryAndFixes implements DiagnosticsMemory {
  /** How many past runs of a project are read: enough for a busy week. */
  static final int RUNS_READ = 2_000;

  private final HistoryLog history;
  private final Scheduler scheduler;
  private final FixMemory fixes;

  public HistoryAndFixes(HistoryLog history, Scheduler scheduler) {
    this.history = history;
    this.scheduler = scheduler;
    this.fixes = new FixMemory(history.dir());
  }

  @Override
  public List<Diagnostic> annotate(
      FixMemory.StageRun stage, boolean decisive, List<Diagnostic> found) {
    List<Diagnostic> counted = annotate(stage.project(), found);
    return decisive ? fixes.remember(stage, counted) : counted;
  }

  @Override
  public List<Diagnostic> annotate(String project, List<Diagnostic> found) {
    if (found.isEmpty()) {
      return found;
    }
    List<RunRecord> past;
    try {
      past = history.read(Optional.of(project), RUNS_READ);
    } catch (IOException e) {
      past = List.of();
    }
    return RecurrenceCounter.withSeen(found, past, scheduler.now());
  }
}
