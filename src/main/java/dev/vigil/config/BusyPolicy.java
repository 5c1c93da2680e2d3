package dev.vigil.config;

/** What a project does with changes that arrive while its pipeline runs. */
public enum BusyPolicy {
  /** Cancel the running pipeline and start one covering every path changed since the last run. */
  RESTART,
  /** Let the run finish, then run once for everything that arrived meanwhile. */
  QUEUE,
  /** Drop changes that arrive during a run. */
  SKIP;

  /** The spelling used in config files. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
