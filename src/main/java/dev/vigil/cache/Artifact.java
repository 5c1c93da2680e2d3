package dev.vigil.cache;

import dev.vigil.run.Diagnostic;
import java.time.Instant;
import java.util.List;

/**
 * A passed stage as the cache keeps it.
 *
 * @param key the stage's cache key
 * @param runId the run in which it passed
 * @param at when it finished
 * @param durationMs how long it ran: the time a hit saves
 * @param outputTail the end of its output
 * @param diagnostics what its output reported (warnings, say)
 * @param log its full log, bounded as the run wrote it
 */
public record Artifact(
    String key,
    String runId,
    Instant at,
    long durationMs,
    String outputTail,
    List<Diagnostic> diagnostics,
    byte[] log) {
  public Artifact {
    diagnostics = List.copyOf(diagnostics);
  }
}
