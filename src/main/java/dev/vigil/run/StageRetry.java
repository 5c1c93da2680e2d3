package dev.vigil.run;

/**
 * One retry of a stage, as its run record keeps it.
 *
 * @param attempt the attempt this retry started (2 for the first retry)
 * @param reason why the attempt before counted as transient: the line of its output that looked so,
 *     or {@code exit N} when the stage retries any failure
 * @param waitedMs the backoff waited before this attempt
 */
public record StageRetry(int attempt, String reason, long waitedMs) {}
