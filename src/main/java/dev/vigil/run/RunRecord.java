package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * One finished (or running) run of a project's pipeline: a line of history.jsonl and the {@code
 * lastRun} of status.json. Built with {@link #builder}.
 *
 * @param result how it ended; null while it runs
 * @param error why the run itself could not go on (its files could not be written), for an {@link
 *     RunResult#ERROR} that no stage explains; null otherwise, and then left out of JSON
 */
@JsonPropertyOrder({
  "schema",
  "project",
  "runId",
  "trigger",
  "queuedAt",
  "startedAt",
  "finishedAt",
  "durationMs",
  "result",
  "error",
  "stages"
})
public record RunRecord(
    int schema,
    String project,
    String runId,
    Trigger trigger,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    RunResult result,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error,
    List<StageRecord> stages) {
  public static final int SCHEMA = 1;

  public RunRecord {
    stages = List.copyOf(stages);
  }

  public boolean passed() {
    return result == RunResult.PASSED;
  }

  /** A run of {@code project} for {@code trigger}: not started, no stages, until told more. */
  public static Builder builder(String project, Trigger trigger) {
    return new Builder(project, trigger);
  }

  /** A builder that starts from this record. */
  public Builder toBuilder() {
    return builder(project, trigger)
        .runId(runId)
        .queuedAt(queuedAt)
        .startedAt(startedAt)
        .finished(finishedAt, durationMs, result)
        .error(error)
        .stages(stages);
  }

  /** A run asked for at {@code queuedAt} that has no id yet and waits to start. */
  public static RunRecord queued(String project, Trigger trigger, Instant queuedAt) {
    return builder(project, trigger).queuedAt(queuedAt).build();
  }

  /** Collects a run record's parts by name. */
  public static final class Builder {
    private final String project;
    private final Trigger trigger;
    private String runId;
    private Instant queuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private long durationMs;
    private RunResult result;
    private String error;
    private List<StageRecord> stages = List.of();

    private Builder(String project, Trigger trigger) {
      this.project = project;
      this.trigger = trigger;
    }

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder queuedAt(Instant queuedAt) {
      this.queuedAt = queuedAt;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /**
     * The run ended at {@code finishedAt}, {@code durationMs} after it started, as {@code result}.
     */
    public Builder finished(Instant finishedAt, long durationMs, RunResult result) {
      this.finishedAt = finishedAt;
      this.durationMs = durationMs;
      this.result = result;
      return this;
    }

    public Builder error(String error) {
      this.error = error;
      return this;
    }

    public Builder stages(List<StageRecord> stages) {
      this.stages = stages;
      return this;
    }

    public RunRecord build() {
      return new RunRecord(
          SCHEMA,
          project,
          runId,
          trigger,
          queuedAt,
          startedAt,
          finishedAt,
          durationMs,
          result,
          error,
          stages);
    }
  }
}
