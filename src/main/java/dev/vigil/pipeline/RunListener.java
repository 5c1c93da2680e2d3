package dev.vigil.pipeline;

import dev.vigil.report.RunRecord;
import dev.vigil.report.StageRecord;

/** Hears how a run goes. Called on runner threads; implementations must be thread-safe. */
public interface RunListener {
  /** The run started; the record has no stages yet. */
  default void runStarted(RunRecord run) {}

  default void stageStarted(RunRecord run, String stage) {}

  default void stageFinished(RunRecord run, StageRecord stage) {}

  default void runFinished(RunRecord run) {}

  /** A listener that hears nothing. */
  RunListener NONE = new RunListener() {};
}
