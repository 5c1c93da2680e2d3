package dev.vigil.daemon;

import dev.vigil.batch.ContentBaseline;
import dev.vigil.cache.ProjectCache;
import dev.vigil.pipeline.RunListener;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;

/**
 * Passes run events on, and before a run's stages start records the content of the paths it covers,
 * so a later save that restores that content runs nothing. Recording before the stages start is
 * what makes this safe: a save made after the recording is compared against it and runs again,
 * while content recorded after a stage had read the file could hide such a save.
 */
final class BaselineCommitter implements RunListener {
  private final RunListener next;
  private final ContentBaseline baseline;
  private final ProjectCache cache;

  BaselineCommitter(RunListener next, ContentBaseline baseline) {
    this(next, baseline, ProjectCache.NONE);
  }

  /** Also tells the stage cache what content the run starts from. */
  BaselineCommitter(RunListener next, ContentBaseline baseline, ProjectCache cache) {
    this.next = next;
    this.baseline = baseline;
    this.cache = cache;
  }

  @Override
  public void runStarting(RunRecord run) {
    baseline.commit(run.trigger().changed());
    cache.inputsRecorded(run.trigger().changed(), !run.trigger().truncated());
    next.runStarting(run);
  }

  @Override
  public void runStarted(RunRecord run) {
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
