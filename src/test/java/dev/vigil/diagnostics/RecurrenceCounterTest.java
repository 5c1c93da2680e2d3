package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceCounterTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static Diagnostic diag(String fingerprint) {
    return new Diagnostic("src/lib.rs", 3, 9, "error", "E0308", "mismatched types", fingerprint, 1);
  }

  private static RunRecord run(String result, Duration ago, Diagnostic... diagnostics) {
    Instant finished = NOW.minus(ago);
    StageRecord stage =
        new StageRecord(
            "check", "failed", 101, 10, 1, "", "runs/x/check.log", List.of(diagnostics));
    StageRecord clean = new StageRecord("fmt", "passed", 0, 10, 1, "", null, List.of());
    return new RunRecord(
        RunRecord.SCHEMA,
        "engine",
        "engine-1",
        new Trigger("change", List.of(), 0, false),
        finished.minusSeconds(2),
        finished.minusSeconds(1),
        finished,
        1000,
        result,
        List.of(clean, stage));
  }

  @Test
  void countsFailedRunsOfTheLastSevenDaysPlusTheCurrentOne() {
    List<RunRecord> history =
        List.of(
            run("failed", Duration.ofHours(1), diag("aaa")),
            run("failed", Duration.ofDays(6), diag("aaa"), diag("bbb")),
            run("failed", Duration.ofDays(8), diag("aaa")),
            run("passed", Duration.ofHours(2), diag("aaa")),
            run("cancelled", Duration.ofHours(3), diag("aaa")));

    List<Diagnostic> result =
        RecurrenceCounter.withSeen(List.of(diag("aaa"), diag("bbb"), diag("ccc")), history, NOW);

    assertThat(result).extracting(Diagnostic::seen).containsExactly(3, 2, 1);
    assertThat(result).extracting(Diagnostic::fingerprint).containsExactly("aaa", "bbb", "ccc");
  }

  @Test
  void aRunThatCarriedTheFingerprintTwiceCountsOnce() {
    List<RunRecord> history =
        List.of(run("failed", Duration.ofMinutes(5), diag("aaa"), diag("aaa")));
    assertThat(RecurrenceCounter.withSeen(List.of(diag("aaa")), history, NOW))
        .extracting(Diagnostic::seen)
        .containsExactly(2);
  }

  @Test
  void theWindowEdgeIsSevenDaysExactly() {
    List<RunRecord> history =
        List.of(
            run("failed", Duration.ofDays(7), diag("aaa")),
            run("failed", Duration.ofDays(7).plusSeconds(1), diag("aaa")));
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
