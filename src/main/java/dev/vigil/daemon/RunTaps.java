package dev.vigil.daemon;

import dev.vigil.pipeline.RunListener;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.TriggerKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Passes every run event on, and also to the taps laid on a project: a tap hears the full runs of
 * its project that start after it was laid (a change-run it may have cut short is not its
 * business), until it is closed. Taps are found under the lock and called after it is let go.
 */
final class RunTaps implements RunListener {
  private final RunListener next;
  private final List<Tap> taps = new ArrayList<>();

  RunTaps(RunListener next) {
    this.next = next;
  }

  /** Lays a tap on the project's runs; close it to take it off. */
  Tap tap(String project, RunListener listener) {
    Tap tap = new Tap(project, listener);
    synchronized (taps) {
      taps.add(tap);
    }
    return tap;
  }

  @Override
  public void runStarting(RunRecord run) {
    next.runStarting(run);
  }

  @Override
  public void runStarted(RunRecord run) {
    next.runStarted(run);
    List<Tap> hearing = new ArrayList<>();
    synchronized (taps) {
      for (Tap tap : taps) {
        if (tap.project.equals(run.project()) && run.trigger().kind() != TriggerKind.CHANGE) {
          tap.runIds.add(run.runId());
          hearing.add(tap);
        }
      }
    }
    hearing.forEach(t -> t.listener.runStarted(run));
  }

  @Override
  public void stageStarted(RunRecord run, String stage) {
    next.stageStarted(run, stage);
    forEachTap(run, l -> l.stageStarted(run, stage));
  }

  @Override
  public void stageFinished(RunRecord run, StageRecord stage) {
    next.stageFinished(run, stage);
    forEachTap(run, l -> l.stageFinished(run, stage));
  }

  @Override
  public void runFinished(RunRecord run) {
    next.runFinished(run);
    forEachTap(run, l -> l.runFinished(run));
  }

  private void forEachTap(RunRecord run, Consumer<RunListener> call) {
    List<RunListener> hearing = new ArrayList<>();
    synchronized (taps) {
      for (Tap tap : taps) {
        if (tap.runIds.contains(run.runId())) {
          hearing.add(tap.listener);
        }
      }
    }
    hearing.forEach(call);
  }

  /** One project's runs heard by one listener. */
  final class Tap implements AutoCloseable {
    private final String project;
    private final RunListener listener;
    private final Set<String> runIds = new HashSet<>();

    private Tap(String project, RunListener listener) {
      this.project = project;
      this.listener = listener;
    }

    @Override
    public void close() {
      synchronized (taps) {
        taps.remove(this);
      }
    }
  }
}
