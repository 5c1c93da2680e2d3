package dev.vigil.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, at a place in it.
 *
 * @param file the config file
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and, where it helps, what to write instead
 */
public record ConfigProblem(Path file, int line, int column, String message) {
  /** {@code FILE:LINE:COL: message}, the form editors and problem matchers read. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
