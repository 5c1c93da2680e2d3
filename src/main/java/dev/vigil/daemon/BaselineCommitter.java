package dev.vigil.daemon;

import dev.vigil.batch.ContentBaseline;
import dev.vigil.pipeline.RunListener;
import dev.vigil.report.RunRecord;
import dev.vigil.report.StageRecord;

/**
 * Passes run events on, and when a run starts records the content of the paths it covers, so a
 * later save that restores that content runs nothing.
 */
final class BaselineCommitter implements RunListener {
  private final RunListener next;
  private final ContentBaseline baseline;

  BaselineCommitter(RunListener next, ContentBaseline baseline) {
    this.next = next;
    this.baseline = baseline;
  }

  @Override
  public void runStarted(RunRecord run) {
    baseline.commit(run.trigger().changed());
    next.runStarted(run);
  }

  @Override
  public void stageStarted(RunRecord run, String stage) {
    next.stageStarted(run, stage);
  }

  @Override
  public void stageFinished(RunRecord run, StageRecord stage) {
    next.stageFinished(run, stage);
  }

  @Override
  public void runFinished(RunRecord run) {
    next.runFinished(run);
  }
}
