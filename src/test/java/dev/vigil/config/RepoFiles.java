package dev.vigil.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from the directory the tests run in. */
final class RepoFiles {
  private RepoFiles() {}

  /** The repository root: the nearest directory at or above the working one with a pom.xml. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no pom.xml at or above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
