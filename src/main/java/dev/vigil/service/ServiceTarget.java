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

  /** The target named {@code systemd} or {@code launchd}. */
  public static ServiceTarget named(String name) throws ServiceException {
    for (ServiceTarget target : values()) {
      if (target.name().equalsIgnoreCase(name)) {
        return target;
      }
    }
    throw new ServiceException("unknown service target '" + name + "'; choose systemd or launchd");
  }

  /** The target's name as users type it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
