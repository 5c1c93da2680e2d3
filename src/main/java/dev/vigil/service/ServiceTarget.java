package dev.vigil.service;

import java.util.Locale;

/** Which service manager runs the daemon: a systemd user unit or a launchd agent. */
public enum ServiceTarget {
  SYSTEMD,
  LAUNCHD;

  /** The target native to the named operating system: launchd on macOS, systemd elsewhere. */
  public static ServiceTarget nativeTo(String osName) {
    return osName.toLowerCase(Locale.ROOT).startsWith("mac") ? LAUNCHD : SYSTEMD;
  }
}
