package dev.vigil.watch;

import java.nio.file.Path;

/**
 * One thing the file system reported, translated from the watcher backend's own event type.
 *
 * @param kind what happened
 * @param path absolute path; the project root for {@link Kind#OVERFLOW}
 * @param directory whether the path is (or was) a directory, as far as is known
 */
public record FileEvent(Kind kind, Path path, boolean directory) {
  /** What happened to a path. */
  public enum Kind {
    CREATED,
    MODIFIED,
    DELETED,
    /** Events were lost: the whole tree must be rescanned. */
    OVERFLOW
  }
}
