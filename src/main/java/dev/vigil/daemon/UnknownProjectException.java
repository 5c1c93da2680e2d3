package dev.vigil.daemon;

import java.util.List;

/** A request named a project the daemon does not have. */
public final class UnknownProjectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownProjectException(String name, List<String> known) {
    super("unknown project '" + name + "'; projects: " + String.join(", ", known));
  }
}
