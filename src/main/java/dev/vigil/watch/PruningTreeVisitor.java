package dev.vigil.watch;

import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a tree for directory-watcher without entering ignored directories, so they get no watch and
 * cost no time. Symbolic links are never followed, so link loops cannot trap the walk.
 */
final class PruningTreeVisitor implements FileTreeVisitor {
  private static final Logger log = LoggerFactory.getLogger(PruningTreeVisitor.class);

  private final Path root;
  private final WatchFilter filter;
  private volatile Thread registering;
  private volatile DirectoryOnlyWalk directoryWalk;

  PruningTreeVisitor(Path root, WatchFilter filter) {
    this.root = root;
    this.filter = filter;
  }

  /**
   * Until called again with null, walks on {@code thread} report directories only. For the initial
   * registration: without hashing, directory-watcher does nothing with the files it is shown then,
   * while a directory created later must still have its files reported.
   */
  void registeringOn(Thread thread) {
    if (thread != null && directoryWalk == null) {
      directoryWalk = DirectoryOnlyWalk.of(root, filter);
    }
    registering = thread;
  }

  @Override
  public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile)
      throws IOException {
    if (Thread.currentThread() == registering) {
      directoryWalk.walk(start, onDirectory);
      return;
    }
    walk(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(root) && filter.ignored(dir, true)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            try {
              onDirectory.call(dir);
            } catch (IOException e) {
              if (WatchLimitMessage.isLimit(e) || dir.equals(root)) {
                throw e;
              }
              log.warn("cannot watch {}, changes under it will be missed: {}", dir, e.toString());
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!filter.ignored(file, false)) {
              onFile.call(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            log.debug("skipping {}: {}", file, e.toString());
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Like {@link Files#walkFileTree(Path, java.nio.file.FileVisitor)}, except that a start which is
   * a symbolic link to a directory (a symlinked project root) is entered; links below it are not.
   */
  static void walk(Path start, FileVisitor<Path> visitor) throws IOException {
    if (!Files.isSymbolicLink(start)) {
      Files.walkFileTree(start, visitor);
      return;
    }
    BasicFileAttributes attrs = Files.readAttributes(start, BasicFileAttributes.class);
    if (!attrs.isDirectory()) {
      visitor.visitFile(start, attrs);
      return;
    }
    if (visitor.preVisitDirectory(start, attrs) != FileVisitResult.CONTINUE) {
      return;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(start)) {
      for (Path child : children) {
        Files.walkFileTree(child, visitor);
      }
    }
    visitor.postVisitDirectory(start, null);
  }
}
