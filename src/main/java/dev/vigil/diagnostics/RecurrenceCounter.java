package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts how often the same problem (same fingerprint) made a run fail in the last 7 days. */
public final class RecurrenceCounter {
  /** How far back failed runs count. */
  public static final Duration WINDOW = Duration.ofDays(7);

  private RecurrenceCounter() {}

  /**
   * The current diagnostics with {@code seen} set to the number of failed runs in the last 7 days
   * whose stages carried the same fingerprint, plus one for the current run.
   *
   * @param history earlier runs of the same project, in any order; the current run not among them
   */
  public static List<Diagnostic> withSeen(
      List<Diagnostic> current, List<RunRecord> history, Instant now) {
    Instant since = now.minus(WINDOW);
    Map<String, Integer> failedRuns = new HashMap<>();
    for (RunRecord run : history) {
      Instant at = when(run);
      if (run.result() != RunResult.FAILED || at == null || at.isBefore(since) || at.isAfter(now)) {
        continue;
      }
      for (String fingerprint : fingerprints(run)) {
        failedRuns.merge(fingerprint, 1, Integer::sum);
      }
    }
    List<Diagnostic> result = new ArrayList<>(current.size());
    for (Diagnostic d : current) {
      int seen = 1 + failedRuns.getOrDefault(d.fingerprint(), 0);
      result.add(d.withSeen(seen));
    }
    return List.copyOf(result);
  }

  private static Instant when(RunRecord run) {
    if (run.finishedAt() != null) {
      return run.finishedAt();
    }
    return run.startedAt() != null ? run.startedAt() : run.queuedAt();
  }

  private static Set<String> fingerprints(RunRecord run) {
    Set<String> found = new HashSet<>();
    for (StageRecord stage : run.stages()) {
      if (stage.diagnostics() == null) {
        continue;
      }
      for (Diagnostic d : stage.diagnostics()) {
        if (d.fingerprint() != null) {
          found.add(d.fingerprint());
        }
      }
    }
    return found;
  }
}
