package dev.vigil.watch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Kernel events for a few files and folders, none of them walked: for files such as a config and
 * what it includes, which may lie anywhere, so that they are looked at when they change instead of
 * polled. Where no such events can be had, {@link #open} gives none and the caller polls.
 */
public interface FolderEvents extends AutoCloseable {
  /** Opens folder events; a seam so that tests can do without them. */
  @FunctionalInterface
  interface Opener {
    Optional<FolderEvents> open(Runnable changed);
  }

  /**
   * Watches exactly these from now on (what was watched before and is not named is let go): each
   * file by its name in its folder, and each folder for any entry made, written, moved or deleted
   * in it. A folder that is deleted or moved away is no longer watched; that is heard as a change
   * too.
   *
   * @return whether every one is watched; false when a folder does not exist or cannot be watched,
   *     and then the caller looks by other means until a later call returns true
   */
  boolean watch(Set<Path> files, Set<Path> folders);

  /** Stops the events; nothing is heard afterwards. */
  @Override
  void close();

  /**
   * Events by inotify on Linux, calling {@code changed} (on a thread of their own, with no lock
   * held) whenever something watched may have changed; empty elsewhere or when inotify cannot be
   * opened.
   */
  static Optional<FolderEvents> open(Runnable changed) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.empty();
    }
    return InotifyFolders.open(changed, "vigil-config-events");
  }
}
