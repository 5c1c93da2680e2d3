package dev.vigil.report;

import java.util.List;

/**
 * How one stage of a run went.
 *
 * @param name the stage
 * @param status {@code passed}, {@code failed}, {@code skipped}, {@code cancelled}, {@code timeout}
 *     or {@code cached}
 * @param exitCode the process's exit code; null when it did not exit by itself or never ran
 * @param durationMs wall time of all attempts
 * @param attempts how many times it ran
 * @param outputTail the end of its merged output, at most 64 KiB
 * @param logFile path of the full log, relative to the state dir; null when it never ran
 * @param diagnostics problems parsed from its output
 */
public record StageRecord(
    String name,
    String status,
    Integer exitCode,
    long durationMs,
    int attempts,
    String outputTail,
    String logFile,
    List<Diagnostic> diagnostics) {
  public StageRecord {
    diagnostics = List.copyOf(diagnostics);
  }
}
