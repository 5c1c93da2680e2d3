package dev.vigil.daemon;

/** A {@code vigil once} was given a config for a project that differs from the daemon's. */
public final class ConfigDiffersException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigDiffersException(String project) {
    super("the running daemon's config for project '" + project + "' differs from the one given");
  }
}
