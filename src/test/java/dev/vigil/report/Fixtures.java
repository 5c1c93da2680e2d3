package dev.vigil.report;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.time.Instant;
import java.util.List;

/** Run records and snapshots shared by the report tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private Fixtures() {}

  static Diagnostic mismatch(int seen) {
    return new Diagnostic("src/lib.rs", 3, 9, "error", "E0308", "mismatched types", "fp-1", seen);
  }

  static StageRecord passed(String name, long ms) {
    return new StageRecord(
        name, StageStatus.PASSED, 0, ms, 1, "ok\n", "runs/engine-42/" + name + ".log", List.of());
  }

  static StageRecord failed(String name, long ms, String tail, Diagnostic... diagnostics) {
    return new StageRecord(
        name,
        StageStatus.FAILED,
        101,
        ms,
        1,
        tail,
        "runs/engine-42/" + name + ".log",
        List.of(diagnostics));
  }

  static RunRecord run(String project, String runId, RunResult result, StageRecord... stages) {
    return RunRecord.builder(
            project, new Trigger(TriggerKind.CHANGE, List.of("src/lib.rs"), 1, false))
        .runId(runId)
        .queuedAt(T0)
        .startedAt(T0.plusMillis(2))
        .finished(T0.plusMillis(814), 812, result)
        .stages(List.of(stages))
        .build();
  }
}
