package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceCounterTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static Diagnostic diag(String fingerprint) {
    return new Diagnostic("src/lib.rs", 3, 9, "error", "E0308", "mismatched types", fingerprint, 1);
  }

  private static RunRecord run(RunResult result, Duration ago, Diagnostic... diagnostics) {
    Instant finished = NOW.minus(ago);
    StageRecord stage =
        new StageRecord(
            "check", StageStatus.FAILED, 101, 10, 1, "", "runs/x/check.log", List.of(diagnostics));
    StageRecord clean = new StageRecord("fmt", StageStatus.PASSED, 0, 10, 1, "", null, List.of());
    return RunRecord.builder("engine", new Trigger(TriggerKind.CHANGE, List.of(), 0, false))
        .runId("engine-1")
        .queuedAt(finished.minusSeconds(2))
        .startedAt(finished.minusSeconds(1))
        .finished(finished, 1000, result)
        .stages(List.of(clean, stage))
        .build();
  }

  @Test
  void countsFailedRunsOfTheLastSevenDaysPlusTheCurrentOne() {
    List<RunRecord> history =
        List.of(
            run(RunResult.FAILED, Duration.ofHours(1), diag("aaa")),
            run(RunResult.FAILED, Duration.ofDays(6), diag("aaa"), diag("bbb")),
            run(RunResult.FAILED, Duration.ofDays(8), diag("aaa")),
            run(RunResult.PASSED, Duration.ofHours(2), diag("aaa")),
            run(RunResult.CANCELLED, Duration.ofHours(3), diag("aaa")));

    List<Diagnostic> result =
        RecurrenceCounter.withSeen(List.of(diag("aaa"), diag("bbb"), diag("ccc")), history, NOW);

    assertThat(result).extracting(Diagnostic::seen).containsExactly(3, 2, 1);
    assertThat(result).extracting(Diagnostic::fingerprint).containsExactly("aaa", "bbb", "ccc");
  }

  @Test
  void aRunThatCarriedTheFingerprintTwiceCountsOnce() {
    List<RunRecord> history =
        List.of(run(RunResult.FAILED, Duration.ofMinutes(5), diag("aaa"), diag("aaa")));
    assertThat(RecurrenceCounter.withSeen(List.of(diag("aaa")), history, NOW))
        .extracting(Diagnostic::seen)
        .containsExactly(2);
  }

  @Test
  void theWindowEdgeIsSevenDaysExactly() {
    List<RunRecord> history =
        List.of(
            run(RunResult.FAILED, Duration.ofDays(7), diag("aaa")),
            run(RunResult.FAILED, Duration.ofDays(7).plusSeconds(1), diag("aaa")));
    assertThat(RecurrenceCounter.withSeen(List.of(diag("aaa")), history, NOW))
        .extracting(Diagnostic::seen)
        .containsExactly(2);
  }

  @Test
  void noHistoryMeansSeenOnce() {
    assertThat(RecurrenceCounter.withSeen(List.of(diag("aaa")), List.of(), NOW))
        .extracting(Diagnostic::seen)
        .containsExactly(1);
  }
}
