package dev.vigil.batch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads of changed files taken as their events arrive, ahead of the batch's close. A read stands
 * until its path's next event: a write after the read sends one, which either arrives before the
 * read is used (the file is then read again) or opens a new batch. Only a cache: a path with no
 * read is read when needed.
 */
final class ReadAhead {
  /** At most this many reads are kept (a batch that never runs leaves some behind). */
  static final int MAX_KEPT = 50_000;

  /** A read that was asked for and has not finished; compared by identity. */
  private static final class Pending {
    private volatile boolean started;
  }

  private final Path root;

  /** Per path, the read taken since its last event (a {@link Fingerprint}) or a {@link Pending}. */
  private final Map<String, Object> reads = new ConcurrentHashMap<>();

  ReadAhead(Path root) {
    this.root = root;
  }

  /**
   * The path (relative to the root) just sent an event: reads it on {@code executor}, unless a read
   * queued earlier has not started yet (it will see this write too).
   */
  void request(String path, Executor executor) {
    if (reads.size() >= MAX_KEPT) {
      reads.clear();
    }
    Pending fresh = new Pending();
    Object now = reads.compute(path, (k, v) -> v instanceof Pending p && !p.started ? p : fresh);
    if (now != fresh) {
      return;
    }
    try {
      executor.execute(() -> take(path, fresh));
    } catch (RejectedExecutionException e) {
      reads.remove(path, fresh); // shutting down: read when needed
    }
  }

  /** What is known of the path now: a read, a pending read, or null; for {@link #keep}. */
  Object state(String path) {
    return reads.get(path);
  }

  /** Keeps a read taken elsewhere, unless an event for the path came after {@code seen}. */
  void keep(String path, Object seen, Fingerprint read) {
    if (seen == null) {
      reads.putIfAbsent(path, read);
    } else {
      reads.replace(path, seen, read);
    }
  }

  /** Removes the path's read and returns it, or null when none was taken since its last event. */
  Fingerprint remove(String path) {
    return reads.remove(path) instanceof Fingerprint read ? read : null;
  }

  private void take(String path, Pending pending) {
    pending.started = true;
    Fingerprint read = read(RelativePaths.resolve(root, path));
    if (read == null) {
      reads.remove(path, pending);
    } else {
      reads.replace(path, pending, read);
    }
  }

  /** The file's fingerprint with its raw time stamp; absent if gone, null if unreadable. */
  private static Fingerprint read(Path file) {
    try {
      BasicFileAttributes attributes = FileReads.attributes(file);
      if (attributes == null) {
        return Fingerprint.ABSENT;
      }
      if (!attributes.isRegularFile()) {
        return null;
      }
      ContentDigest digest = ContentHasher.hash(file, attributes.size());
      return Fingerprint.of(
          attributes.size(), FileReads.nanos(attributes.lastModifiedTime()), digest);
    } catch (NoSuchFileException e) {
      return Fingerprint.ABSENT; // deleted between the stat and the read
    } catch (IOException e) {
      return null;
    }
  }
}
