package dev.vigil.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one walk that fills a {@link ContentBaseline}: records each regular file that is not ignored
 * and was last modified well before the walk started. A file modified later is handed to {@code
 * racy} instead, to be read again once the racy window has passed: what the walk would read now
 * might be the content a pending event is about.
 */
final class BaselineWalk extends SimpleFileVisitor<Path> {
  private final Path root;
  private final BiPredicate<Path, Boolean> ignored;
  private final long trustedBeforeNanos;
  private final BiConsumer<String, Fingerprint> sink;
  private final Consumer<String> racy;
  private final Function<String, Fingerprint> prior;
  private final Runnable onRead;

  /**
   * A walk that trusts {@code prior} (what an earlier daemon recorded, null for a path it did not
   * record) for files whose size and modification time are as recorded, and calls {@code onRead}
   * for every file it reads.
   */
  BaselineWalk(
      Path root,
      BiPredicate<Path, Boolean> ignored,
      long walkStartNanos,
      BiConsumer<String, Fingerprint> sink,
      Consumer<String> racy,
      Function<String, Fingerprint> prior,
      Runnable onRead) {
    this.prior = prior;
    this.onRead = onRead;
    this.root = root;
    this.ignored = ignored;
    this.trustedBeforeNanos = walkStartNanos - ContentBaseline.RACY_WINDOW.toNanos();
    this.sink = sink;
    this.racy = racy;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
    return !dir.equals(root) && ignored.test(dir, true)
        ? FileVisitResult.SKIP_SUBTREE
        : FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
    if (!attributes.isRegularFile() || ignored.test(file, false)) {
      return FileVisitResult.CONTINUE;
    }
    String path = RelativePaths.slashed(root.relativize(file));
    if (FileReads.nanos(attributes.lastModifiedTime()) >= trustedBeforeNanos) {
      racy.accept(path);
      return FileVisitResult.CONTINUE;
    }
    long mtime = FileReads.nanos(attributes.lastModifiedTime());
    Fingerprint known = prior.apply(path);
    if (known != null
        && known.mtimeNanos() != Fingerprint.UNTRUSTED_MTIME
        && known.mtimeNanos() == mtime
        && known.size() == attributes.size()) {
      sink.accept(path, known);
      return FileVisitResult.CONTINUE;
    }
    onRead.run();
    try {
      Fingerprint read = FileReads.readUnchanged(file, attributes);
      if (read == null) {
        racy.accept(path); // written while it was read: try again later
      } else {
        sink.accept(path, read);
      }
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
