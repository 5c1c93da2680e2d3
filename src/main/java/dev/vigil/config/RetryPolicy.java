package dev.vigil.config;

import java.time.Duration;
import java.util.List;

/**
 * How often a failed stage is tried again.
 *
 * @param attempts total attempts, at least 1
 * @param onlyTransient retry only when the output looks like a transient failure (network, lock
 *     contention); otherwise retry any failure
 * @param backoff the wait before the second attempt; each later wait is twice the one before
 * @param transientPatterns regular expressions, matched case-insensitively anywhere in the output,
 *     that also mark a failure as transient
 */
public record RetryPolicy(
    int attempts, boolean onlyTransient, Duration backoff, List<String> transientPatterns) {
  public static final RetryPolicy NONE = new RetryPolicy(1, false);

  /** The longest wait between two attempts, however many there are. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  public RetryPolicy {
    transientPatterns = List.copyOf(transientPatterns);
  }

  /** A policy that retries at once, with the built-in transient signs only. */
  public RetryPolicy(int attempts, boolean onlyTransient) {
    this(attempts, onlyTransient, Duration.ZERO, List.of());
  }

  /** The wait before attempt {@code next} (2 for the first retry): backoff, doubled each time. */
  public Duration waitBefore(int next) {
    if (backoff.isZero() || backoff.isNegative() || next < 2) {
      return Duration.ZERO;
    }
    Duration wait = backoff;
    for (int i = 2; i < next && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
