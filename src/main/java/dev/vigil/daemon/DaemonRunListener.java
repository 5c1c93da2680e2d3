package dev.vigil.daemon;

import dev.vigil.diagnostics.SarifWriter;
import dev.vigil.pipeline.RunListener;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends every run event where it belongs: console, history, event bus, status.json. */
final class DaemonRunListener implements RunListener {
  private static final Logger log = LoggerFactory.getLogger(DaemonRunListener.class);

  private final ConsoleReporter console;
  private final HistoryLog history;
  private final EventBus events;
  private final Runnable statusChanged;
  private final java.nio.file.Path stateDir;
  private final java.util.function.Function<String, java.nio.file.Path> roots;
  private boolean historyFailing;
  private final AtomicBoolean diagnosticsFailing = new AtomicBoolean();

  DaemonRunListener(
      ConsoleReporter console,
      HistoryLog history,
      EventBus events,
      Runnable statusChanged,
      java.nio.file.Path stateDir,
      java.util.function.Function<String, java.nio.file.Path> roots) {
    this.stateDir = stateDir;
    this.roots = roots;
    this.console = console;
    this.history = history;
    this.events = events;
    this.statusChanged = statusChanged;
  }

  @Override
  public void runStarted(RunRecord run) {
    console.runStarted(run);
    events.publish(VigilEvent.run(VigilEvent.Type.RUN_STARTED, run));
    statusChanged.run();
  }

  @Override
  public void stageStarted(RunRecord run, String stage) {
    console.stageStarted(run.project(), stage);
    events.publish(VigilEvent.stage(VigilEvent.Type.STAGE_STARTED, run, stage));
  }

  @Override
  public void stageFinished(RunRecord run, StageRecord stage) {
    console.stageFinished(run.project(), stage);
    events.publish(VigilEvent.stage(VigilEvent.Type.STAGE_FINISHED, run, stage.name()));
  }

  @Override
  public void runFinished(RunRecord run) {
    appendToHistory(run);
    writeDiagnostics(run);
    console.runFinished(run);
    events.publish(VigilEvent.run(VigilEvent.Type.RUN_FINISHED, run));
    statusChanged.run();
  }

  /**
   * Writes the run's SARIF log; a write that fails (a full or read-only state dir) is said once,
   * and once more when a later run's is written again.
   */
  private void writeDiagnostics(RunRecord run) {
    try {
      SarifWriter.writeLatest(stateDir, roots.apply(run.project()), run);
      if (diagnosticsFailing.compareAndSet(true, false)) {
        log.info("diagnostics are written again, from {} on", run.runId());
      }
    } catch (IOException | RuntimeException e) {
      if (diagnosticsFailing.compareAndSet(false, true)) {
        log.warn(
            "could not write diagnostics of {}: {}; tried again at each run, said again once it"
                + " works",
            run.runId(),
            e.toString());
      } else {
        log.debug("still cannot write diagnostics of {}: {}", run.runId(), e.toString());
      }
    }
  }

  /** Says once when the history stops taking runs, and once when it takes them again. */
  private void appendToHistory(RunRecord run) {
    String say = historyNote(run);
    if (say != null) {
      console.info(say); // after letting go of the lock: the console is not called under it
    }
  }

  /** Appends the run; returns what the console should say about it, or null. */
  private synchronized String historyNote(RunRecord run) {
    try {
      history.append(run);
      if (historyFailing) {
        historyFailing = false;
        return "vigil: history.jsonl is written again; the runs held meanwhile are in it";
      }
      return null;
    } catch (IOException | RuntimeException e) {
      log.debug("could not append run {} to history", run.runId(), e);
      if (historyFailing) {
        return null;
      }
      historyFailing = true;
      return "vigil: "
          + e.getMessage()
          + "; runs are held in memory (up to "
          + HistoryLog.MAX_HELD
          + ") and written when the state dir takes them again";
    }
  }
}
