package dev.vigil.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The git hooks vigil can install. */
public enum GitHook {
  PRE_COMMIT("pre-commit"),
  PRE_PUSH("pre-push");

  private final String fileName;

  GitHook(String fileName) {
    this.fileName = fileName;
  }

  /** The hook's file name in the hooks directory, as git names it. */
  public String fileName() {
    return fileName;
  }

  /** The hook named {@code name} ({@code pre-commit} or {@code pre-push}). */
  public static GitHook named(String name) throws ServiceException {
    for (GitHook hook : values()) {
      if (hook.fileName.equals(name.toLowerCase(Locale.ROOT))) {
        return hook;
      }
    }
    throw new ServiceException(
        "unknown hook '"
            + name
            + "'; choose one of "
            + Arrays.stream(values()).map(GitHook::fileName).collect(Collectors.joining(", ")));
  }
}
