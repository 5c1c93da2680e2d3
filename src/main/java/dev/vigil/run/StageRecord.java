package dev.vigil.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How one stage of a run went.
 *
 * @param name the stage
 * @param status how it ended
 * @param exitCode the process's exit code; null when it did not exit by itself or never ran
 * @param durationMs wall time of all attempts
 * @param attempts how many times it ran
 * @param outputTail the end of its merged output, at most 64 KiB
 * @param logFile path of the full log, relative to the state dir; null when it never ran
 * @param diagnostics problems parsed from its output
 * @param retries each retry with its reason and wait; omitted from JSON when there were none
 * @param leftBehind processes its command left running that were ended after it exited; omitted
 *     from JSON when none
 * @param cacheKey the stage's cache key when it is cached; omitted from JSON otherwise
 * @param cachedFrom for status {@code cached}: the run whose result it is; omitted otherwise
 * @param savedMs for status {@code cached}: how long that run took; omitted otherwise
 */
public record StageRecord(
    String name,
    StageStatus status,
    Integer exitCode,
    long durationMs,
    int attempts,
    String outputTail,
    String logFile,
    List<Diagnostic> diagnostics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StageRetry> retries,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int leftBehind,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cacheKey,
    @JsonInclude(JsonInclude.Include.NON_NULL) CachedFrom cachedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long savedMs) {
  public StageRecord {
    diagnostics = List.copyOf(diagnostics);
    retries = retries == null ? List.of() : List.copyOf(retries);
  }

  /** A stage that the cache did not answer. */
  public StageRecord(
      String name,
      StageStatus status,
      Integer exitCode,
      long durationMs,
      int attempts,
      String outputTail,
      String logFile,
      List<Diagnostic> diagnostics,
      List<StageRetry> retries,
      int leftBehind) {
    this(
        name,
        status,
        exitCode,
        durationMs,
        attempts,
        outputTail,
        logFile,
        diagnostics,
        retries,
        leftBehind,
        null,
        null,
        null);
  }

  /** This record with its cache key. */
  public StageRecord withCacheKey(String key) {
    return new StageRecord(
        name,
        status,
        exitCode,
        durationMs,
        attempts,
        outputTail,
        logFile,
        diagnostics,
        retries,
        leftBehind,
        key,
        cachedFrom,
        savedMs);
  }

  /** A stage that was not retried and left nothing behind. */
  public StageRecord(
      String name,
      StageStatus status,
      Integer exitCode,
      long durationMs,
      int attempts,
      String outputTail,
      String logFile,
      List<Diagnostic> diagnostics) {
    this(
        name,
        status,
        exitCode,
        durationMs,
        attempts,
        outputTail,
        logFile,
        diagnostics,
        List.of(),
        0);
  }
}
