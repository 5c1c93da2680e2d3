package dev.vigil.daemon;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.RunListener;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import java.util.function.Consumer;

/**
 * What a {@code vigil once} done by the daemon streams back, one JSON line each, so that the client
 * prints exactly what an in-process run prints: its runs as they go, its projects' outcomes, and
 * last whether all passed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OnceEvent.RunStarted.class, name = "run-started"),
  @JsonSubTypes.Type(value = OnceEvent.StageStarted.class, name = "stage-started"),
  @JsonSubTypes.Type(value = OnceEvent.StageFinished.class, name = "stage-finished"),
  @JsonSubTypes.Type(value = OnceEvent.RunFinished.class, name = "run-finished"),
  @JsonSubTypes.Type(value = OnceEvent.ProjectFinished.class, name = "project-finished"),
  @JsonSubTypes.Type(value = OnceEvent.ProjectSkipped.class, name = "project-skipped"),
  @JsonSubTypes.Type(value = OnceEvent.Done.class, name = "done")
})
public sealed interface OnceEvent {
  record RunStarted(RunRecord run) implements OnceEvent {}

  record StageStarted(RunRecord run, String stage) implements OnceEvent {}

  record StageFinished(RunRecord run, StageRecord stage) implements OnceEvent {}

  record RunFinished(RunRecord run) implements OnceEvent {}

  /** A project of the once ran; its record. */
  record ProjectFinished(RunRecord run) implements OnceEvent {}

  /** A project was not run, since {@code upstream} failed or was skipped. */
  record ProjectSkipped(String project, String upstream, boolean upstreamSkipped)
      implements OnceEvent {}

  /** The once ended; the last event. */
  record Done(boolean passed) implements OnceEvent {}

  /** The run events as once events. */
  static RunListener runListener(Consumer<OnceEvent> sink) {
    return new RunListener() {
      @Override
      public void runStarted(RunRecord run) {
        sink.accept(new RunStarted(run));
      }

      @Override
      public void stageStarted(RunRecord run, String stage) {
        sink.accept(new StageStarted(run, stage));
      }

      @Override
      public void stageFinished(RunRecord run, StageRecord stage) {
        sink.accept(new StageFinished(run, stage));
      }

      @Override
      public void runFinished(RunRecord run) {
        sink.accept(new RunFinished(run));
      }
    };
  }

  /** The projects' outcomes as once events. */
  static OnceSequence.Listener sequenceListener(Consumer<OnceEvent> sink) {
    return new OnceSequence.Listener() {
      @Override
      public void finished(RunRecord record) {
        sink.accept(new ProjectFinished(record));
      }

      @Override
      public void skipped(String project, String upstream, boolean upstreamSkipped) {
        sink.accept(new ProjectSkipped(project, upstream, upstreamSkipped));
      }
    };
  }

  /** Hands the event to the listeners it is for: the run's or the sequence's. */
  default void replay(RunListener runs, OnceSequence.Listener projects) {
    if (this instanceof RunStarted e) {
      runs.runStarted(e.run());
    } else if (this instanceof StageStarted e) {
      runs.stageStarted(e.run(), e.stage());
    } else if (this instanceof StageFinished e) {
      runs.stageFinished(e.run(), e.stage());
    } else if (this instanceof RunFinished e) {
      runs.runFinished(e.run());
    } else if (this instanceof ProjectFinished e) {
      projects.finished(e.run());
    } else if (this instanceof ProjectSkipped e) {
      projects.skipped(e.project(), e.upstream(), e.upstreamSkipped());
    }
  }
}
