package dev.vigil.watch;

import java.time.Duration;

/**
 * Tunables of a {@link ProjectWatcher}.
 *
 * @param pollInterval how often the tree is scanned while polling
 * @param livenessInterval how often a cookie file checks that kernel events still arrive
 * @param livenessTimeout how long to wait for the cookie's event before giving up on the kernel
 * @param rootRecheck how often a missing root is looked for
 * @param forcePolling poll even where kernel events look available
 */
public record WatchSettings(
    Duration pollInterval,
    Duration livenessInterval,
    Duration livenessTimeout,
    Duration rootRecheck,
    boolean forcePolling) {

  /**
   * Polling every 2 s, a cookie every 60 s answered within 5 s, a missing root looked for every
   * second.
   */
  public static final WatchSettings DEFAULTS =
      new WatchSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1),
          false);

  public WatchSettings {
    requirePositive("pollInterval", pollInterval);
    requirePositive("livenessInterval", livenessInterval);
    requirePositive("livenessTimeout", livenessTimeout);
    requirePositive("rootRecheck", rootRecheck);
  }

  /** The same settings with another polling interval. */
  public WatchSettings withPollInterval(Duration interval) {
    return new WatchSettings(
        interval, livenessInterval, livenessTimeout, rootRecheck, forcePolling);
  }

  /** The same settings with another liveness interval and timeout. */
  public WatchSettings withLiveness(Duration interval, Duration timeout) {
    return new WatchSettings(pollInterval, interval, timeout, rootRecheck, forcePolling);
  }

  /** The same settings, polling or not regardless of the file system. */
  public WatchSettings withForcePolling(boolean force) {
    return new WatchSettings(pollInterval, livenessInterval, livenessTimeout, rootRecheck, force);
  }

  /** "every 2 s", for messages. */
  String pollEvery() {
    return "every " + human(pollInterval);
  }

  /** "2 s" or "250 ms", for messages. */
  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
