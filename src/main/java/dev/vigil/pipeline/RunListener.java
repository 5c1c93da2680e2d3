package dev.vigil.pipeline;

import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;

/** Hears how a run goes. Called on runner threads; implementations must be thread-safe. */
public interface RunListener {
  /**
   * The run is about to start its first stages: called before any of their processes starts, so
   * keep it short; the record has no stages yet.
   */
  default void runStarting(RunRecord run) {}

  /**
   * The run started: called once its first stages' processes run (before any stage is reported), so
   * that reporting does not delay them; the record has no stages yet.
   */
  default void runStarted(RunRecord run) {}

  default void stageStarted(RunRecord run, String stage) {}

  default void stageFinished(RunRecord run, StageRecord stage) {}

  default void runFinished(RunRecord run) {}

  /** A listener that hears nothing. */
  RunListener NONE = new RunListener() {};
}
