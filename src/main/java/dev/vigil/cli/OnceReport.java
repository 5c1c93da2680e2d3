package dev.vigil.cli;

import dev.vigil.pipeline.OnceSequence;
import dev.vigil.run.RunRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What {@code vigil once} saw: the finished runs, and the projects skipped after a failure. */
final class OnceReport implements OnceSequence.Listener {
  private final PrintStream notes;
  private final List<RunRecord> runs = new ArrayList<>();

  /** Skipped projects are told on {@code notes}. */
  OnceReport(PrintStream notes) {
    this.notes = notes;
  }

  @Override
  public synchronized void finished(RunRecord record) {
    runs.add(record);
  }

  @Override
  public synchronized void skipped(String project, String upstream, boolean upstreamSkipped) {
    notes.println(
        project + ": skipped, " + upstream + (upstreamSkipped ? " was skipped" : " failed"));
    notes.flush();
  }

  synchronized List<RunRecord> runs() {
    return List.copyOf(runs);
  }
}
