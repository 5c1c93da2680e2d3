package dev.vigil.batch;

import java.nio.file.Path;

/** Paths as batches and baselines name them: relative to the project root, '/'-separated. */
final class RelativePaths {
  private RelativePaths() {}

  /** The path relative to {@code root}, or null for the root itself or a path outside it. */
  static String under(Path root, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!absolute.startsWith(root) || absolute.equals(root)) {
      return null;
    }
    return slashed(root.relativize(absolute));
  }

  /** A relative path's parts joined with '/', whatever the platform's separator. */
  static String slashed(Path relative) {
    StringBuilder joined = new StringBuilder();
    for (Path part : relative) {
      if (joined.length() > 0) {
        joined.append('/');
      }
      joined.append(part);
    }
    return joined.toString();
  }
}
