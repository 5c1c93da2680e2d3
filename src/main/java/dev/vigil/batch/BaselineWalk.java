package dev.vigil.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The one walk that fills a {@link ContentBaseline}: records each regular file that is not ignored
 * and was last modified well before the walk started. A file modified later is left out, since what
 * the walk would read might already be the content a pending event is about.
 */
final class BaselineWalk extends SimpleFileVisitor<Path> {
  private final Path root;
  private final Predicate<Path> ignored;
  private final long trustedBeforeNanos;
  private final BiConsumer<String, Fingerprint> sink;

  BaselineWalk(
      Path root,
      Predicate<Path> ignored,
      long walkStartNanos,
      BiConsumer<String, Fingerprint> sink) {
    this.root = root;
    this.ignored = ignored;
    this.trustedBeforeNanos = walkStartNanos - ContentBaseline.RACY_WINDOW.toNanos();
    this.sink = sink;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
    return !dir.equals(root) && ignored.test(dir)
        ? FileVisitResult.SKIP_SUBTREE
        : FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
    if (!attributes.isRegularFile()
        || ContentBaseline.nanos(attributes.lastModifiedTime()) >= trustedBeforeNanos
        || ignored.test(file)) {
      return FileVisitResult.CONTINUE;
    }
    try {
      long hash = ContentHasher.hash(file, attributes.size());
      long mtime = ContentBaseline.nanos(attributes.lastModifiedTime());
      sink.accept(
          RelativePaths.slashed(root.relativize(file)),
          new Fingerprint(attributes.size(), mtime, hash));
    } catch (IOException e) {
      // Unreadable now: left out, so an event for it counts as a change.
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) {
    return FileVisitResult.CONTINUE;
  }
}
