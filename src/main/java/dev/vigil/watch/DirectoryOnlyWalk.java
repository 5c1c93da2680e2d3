package dev.vigil.watch;

import io.methvin.watcher.visitor.FileTreeVisitor.Callback;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk that registers watches: it reports directories only, and on file systems where a
 * directory's link count is two plus its number of subdirectories, it does not even list a
 * directory whose count says it has none, so the files of a large tree are never looked at.
 */
final class DirectoryOnlyWalk {
  private static final Logger log = LoggerFactory.getLogger(DirectoryOnlyWalk.class);

  /** File systems whose directory link counts are exact. */
  private static final Set<String> EXACT_LINK_COUNTS =
      Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs");

  private final Path root;
  private final WatchFilter filter;
  private final Object rootDevice;

  private DirectoryOnlyWalk(Path root, WatchFilter filter, Object rootDevice) {
    this.root = root;
    this.filter = filter;
    this.rootDevice = rootDevice;
  }

  /** A walk for the tree at {@code root}; link counts are used only where they can be trusted. */
  static DirectoryOnlyWalk of(Path root, WatchFilter filter) {
    Object device = null;
    if (EXACT_LINK_COUNTS.contains(MountKind.of(root).type())) {
      try {
        device = Files.getAttribute(root, "unix:dev");
      } catch (IOException | RuntimeException e) {
        log.debug("cannot read the device of {}: {}", root, e.toString());
      }
    }
    return new DirectoryOnlyWalk(root, filter, device);
  }

  /**
   * Calls {@code onDirectory} for {@code start} and every directory below it that the filter keeps,
   * with the same error handling as {@link PruningTreeVisitor}.
   */
  void walk(Path start, Callback onDirectory) throws IOException {
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(start);
    while (!pending.isEmpty()) {
      Path dir = pending.pop();
      if (!dir.equals(root) && filter.ignored(dir, true)) {
        continue;
      }
      DirectoryStream<Path> children;
      try {
        children = Files.newDirectoryStream(dir);
      } catch (IOException e) {
        log.debug("skipping {}: {}", dir, e.toString());
        continue;
      }
      try (children) {
        try {
          onDirectory.call(dir);
        } catch (IOException e) {
          if (WatchLimitMessage.isLimit(e) || dir.equals(root)) {
            throw e;
          }
          log.warn("cannot watch {}, changes under it will be missed: {}", dir, e.toString());
          continue;
        }
        // Counted after the watch is in place: a subdirectory made later is reported by it.
        if (dir.equals(start) || !hasNoSubdirectories(dir)) {
          for (Path child : children) {
            if (isDirectory(child)) {
              pending.push(child);
            }
          }
        }
      } catch (DirectoryIteratorException e) {
        log.debug("cannot list all of {}: {}", dir, e.getCause().toString());
      }
    }
  }

  private boolean hasNoSubdirectories(Path dir) {
    if (rootDevice == null) {
      return false;
    }
    try {
      Map<String, Object> attributes =
          Files.readAttributes(dir, "unix:nlink,dev", LinkOption.NOFOLLOW_LINKS);
      return rootDevice.equals(attributes.get("dev"))
          && Integer.valueOf(2).equals(attributes.get("nlink"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isDirectory(Path child) {
    try {
      return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .isDirectory();
    } catch (IOException e) {
      return false;
    }
  }
}
