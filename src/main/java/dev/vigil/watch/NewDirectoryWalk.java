package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a directory that appeared while the tree was watched, and every directory below it, and
 * reports what they hold: files and directories made there before the watch was in place would
 * otherwise go unheard. Ignored directories are neither watched nor entered; links not followed.
 */
final class NewDirectoryWalk {
  private static final Logger log = LoggerFactory.getLogger(NewDirectoryWalk.class);

  /** Registers a watch on one directory. */
  @FunctionalInterface
  interface Register {
    void add(Path dir) throws IOException;
  }

  private final Path start;
  private final WatchFilter filter;
  private final Register register;
  private final Consumer<FileEvent> found;

  NewDirectoryWalk(Path start, WatchFilter filter, Register register, Consumer<FileEvent> found) {
    this.start = start;
    this.filter = filter;
    this.register = register;
    this.found = found;
  }

  /**
   * Walks; the start itself is watched but not reported (its own event says it).
   *
   * @throws IOException only when the kernel's watch limit is reached
   */
  void walk() throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(start) && filter.ignored(dir, true)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            try {
              register.add(dir);
            } catch (IOException e) {
              if (WatchLimitMessage.isLimit(e)) {
                throw e;
              }
              log.debug("cannot watch {}: {}", dir, e.toString());
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.equals(start)) {
              found.accept(new FileEvent(FileEvent.Kind.CREATED, dir, true));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            found.accept(new FileEvent(FileEvent.Kind.CREATED, file, false));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            log.debug("skipping {}: {}", file, e.toString());
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
