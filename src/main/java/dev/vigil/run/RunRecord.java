package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * One finished (or running) run of a project's pipeline: a line of history.jsonl and the {@code
 * lastRun} of status.json.
 *
 * @param result {@code passed}, {@code failed}, {@code cancelled} or {@code error}; null while it
 *     runs
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
    String result,
    List<StageRecord> stages) {
  public static final int SCHEMA = 1;

  public RunRecord {
    stages = List.copyOf(stages);
  }

  public boolean passed() {
    return "passed".equals(result);
  }
}
