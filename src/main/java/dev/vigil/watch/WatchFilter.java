package dev.vigil.watch;

import java.nio.file.Path;

/**
 * Decides which paths a project does not care about; ignored directories are not even walked.
 * Called from several watcher threads at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface WatchFilter {
  /** A filter that ignores nothing. */
  WatchFilter NONE = (path, isDirectory) -> false;

  /** Whether the path (absolute, under the project root) is ignored. */
  boolean ignored(Path absolutePath, boolean isDirectory);
}
