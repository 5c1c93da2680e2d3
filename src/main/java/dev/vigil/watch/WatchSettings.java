package dev.vigil.watch;

import java.time.Duration;

/**
 * Tunables of a {@link ProjectWatcher}.
 *
 * @param pollInterval how often the tree is scanned while polling
 * @param livenessInterval how often a cookie file checks that kernel events still arrive
 * @param livenessTimeout how long to wait for the cookie's event before giving up on the kernel
 * @param rootRecheck how often a missing root is looked for
 * @param eventRetry how long a project that fell back to polling waits before it tries kernel
 *     events again; the wait doubles after each failed try, up to {@link #MAX_EVENT_RETRY}
 * @param forcePolling poll even where kernel events look available
 */
public record WatchSettings(
    Duration pollInterval,
    Duration livenessInterval,
    Duration livenessTimeout,
    Duration rootRecheck,
    Duration eventRetry,
    boolean forcePolling) {

  /** The longest wait between two tries of kernel events while polling. */
  public static final Duration MAX_EVENT_RETRY = Duration.ofMinutes(10);

  /**
   * Polling every 2 s, a cookie every 60 s answered within 5 s, a missing root looked for every
   * second, kernel events tried again 30 s after a fallback to polling.
   */
  public static final WatchSettings DEFAULTS =
      new WatchSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          false);

  public WatchSettings {
    requirePositive("pollInterval", pollInterval);
    requirePositive("livenessInterval", livenessInterval);
    requirePositive("livenessTimeout", livenessTimeout);
    requirePositive("rootRecheck", rootRecheck);
    requirePositive("eventRetry", eventRetry);
  }

  /** The same settings with another polling interval. */
  public WatchSettings withPollInterval(Duration interval) {
    return new WatchSettings(
        interval, livenessInterval, livenessTimeout, rootRecheck, eventRetry, forcePolling);
  }

  /** The same settings with another liveness interval and timeout. */
  public WatchSettings withLiveness(Duration interval, Duration timeout) {
    return new WatchSettings(
        pollInterval, interval, timeout, rootRecheck, eventRetry, forcePolling);
  }

  /** The same settings with another first wait before kernel events are tried again. */
  public WatchSettings withEventRetry(Duration retry) {
    return new WatchSettings(
        pollInterval, livenessInterval, livenessTimeout, rootRecheck, retry, forcePolling);
  }

  /** The same settings, polling or not regardless of the file system. */
  public WatchSettings withForcePolling(boolean force) {
    return new WatchSettings(
        pollInterval, livenessInterval, livenessTimeout, rootRecheck, eventRetry, force);
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
