package dev.vigil.diagnostics;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Makes the paths tools print relative to the project root: absolute paths under the root lose the
 * root, paths outside it stay absolute, and a leading {@code ./} goes.
 */
final class SourcePaths {
  private final Path root;

  SourcePaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  String relativize(String file) {
    String path = file.strip();
    if (path.isEmpty()) {
      return "";
    }
    if (path.startsWith("file://")) {
      path = path.substring("file://".length());
    }
    try {
      Path p = Path.of(path);
      if (p.isAbsolute()) {
        Path normal = p.normalize();
        return normal.startsWith(root)
            ? slashes(root.relativize(normal).toString())
            : slashes(path);
      }
      String relative = slashes(p.normalize().toString());
      return relative.isEmpty() ? path : relative;
    } catch (InvalidPathException e) {
      return path;
    }
  }

  private static String slashes(String path) {
    return path.replace('\\', '/');
  }
}
