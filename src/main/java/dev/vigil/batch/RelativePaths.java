package dev.vigil.batch;

import dev.vigil.files.RawNames;
import java.nio.file.Path;

/**
 * Paths as batches and baselines name them: relative to the project root, '/'-separated, every byte
 * of a name kept ({@link RawNames}).
 */
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
    return RawNames.slashed(relative);
  }

  /** The file a relative path names under {@code root}, byte for byte. */
  static Path resolve(Path root, String relative) {
    return RawNames.resolve(root, relative);
  }
}
