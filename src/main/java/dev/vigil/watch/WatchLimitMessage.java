package dev.vigil.watch;

import java.nio.file.Path;
import java.util.Locale;

/** Recognises "out of inotify watches / instances" failures and explains how to lift the limit. */
final class WatchLimitMessage {
  private WatchLimitMessage() {}

  /** Whether the failure, or one of its causes, is a kernel watch or descriptor limit. */
  static boolean isLimit(Throwable failure) {
    return kind(failure) != Kind.OTHER;
  }

  /** A message for the user: what happened, the sysctl to raise, how to keep it, and what now. */
  static String describe(Path root, Throwable failure, String fallback) {
    if (kind(failure) == Kind.INSTANCES) {
      return "cannot watch "
          + root
          + ": the limit of inotify instances or open files is reached ("
          + failure.getMessage()
          + "). Raise fs.inotify.max_user_instances with `sudo sysctl"
          + " fs.inotify.max_user_instances=1024` (keep it with `echo"
          + " fs.inotify.max_user_instances=1024 | sudo tee /etc/sysctl.d/60-vigil-inotify.conf`)"
          + " or the open-files limit (`ulimit -n`). "
          + fallback;
    }
    return "cannot watch "
        + root
        + ": the inotify watch limit fs.inotify.max_user_watches is reached. Raise it with `sudo"
        + " sysctl fs.inotify.max_user_watches=524288`; to keep it after a reboot, `echo"
        + " fs.inotify.max_user_watches=524288 | sudo tee /etc/sysctl.d/60-vigil-inotify.conf &&"
        + " sudo sysctl --system`. "
        + fallback;
  }

  private enum Kind {
    WATCHES,
    INSTANCES,
    OTHER
  }

  private static Kind kind(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("inotify watches") || message.contains("no space left on device")) {
        return Kind.WATCHES;
      }
      if (message.contains("inotify instances") || message.contains("too many open files")) {
        return Kind.INSTANCES;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Kind.OTHER;
  }
}
