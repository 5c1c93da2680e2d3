package dev.vigil.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the kernel dropped events, finds what changed by walking the tree against the last known
 * content: every file whose content differs, every new file, every file gone; a file only touched,
 * or saved with its content unchanged, is not a change, whether its event came or was lost. The
 * batch is marked truncated: events were lost, so it may not be the whole story.
 */
public final class OverflowRescan {
  private static final Logger log = LoggerFactory.getLogger(OverflowRescan.class);

  private OverflowRescan() {}

  /**
   * @param ignored the project's whole ignore rule (a path, whether it is a directory), as its
   *     watcher applies it
   */
  public static ChangeBatch rescan(
      Path root, ContentBaseline baseline, BiPredicate<Path, Boolean> ignored, ChangeBatch seen) {
    List<String> onDisk = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && ignored.test(dir, true)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !ignored.test(file, false)) {
                onDisk.add(root.relativize(file).toString().replace('\\', '/'));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      log.warn("rescan of {} after an event overflow stopped early: {}", root, e.toString());
    }
    // Every file that could have changed: on disk now, seen before the overflow, or known and
    // not ignored (a known file gone is a deletion).
    Set<String> candidates = new TreeSet<>(onDisk);
    candidates.addAll(seen.changed());
    for (String known : baseline.knownPaths()) {
      if (!candidates.contains(known) && !ignored.test(RelativePaths.resolve(root, known), false)) {
        candidates.add(known);
      }
    }
    List<String> changed = baseline.reallyChanged(new ArrayList<>(candidates));
    return new ChangeBatch(
        List.copyOf(changed), changed.size(), true, seen.firstEventAt(), seen.closedAt());
  }
}
