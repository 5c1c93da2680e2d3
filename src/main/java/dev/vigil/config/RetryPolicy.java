package dev.vigil.config;

/**
 * How often a failed stage is tried again.
 *
 * @param attempts total attempts, at least 1
 * @param onlyTransient retry only when the output looks like a transient failure (network, lock
 *     contention); otherwise retry any failure
 */
public record RetryPolicy(int attempts, boolean onlyTransient) {
  public static final RetryPolicy NONE = new RetryPolicy(1, false);
}
