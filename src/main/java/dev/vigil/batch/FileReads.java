package dev.vigil.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Reading a file's {@link Fingerprint}, for the baseline's walk, checks and records. */
final class FileReads {
  private FileReads() {}

  /** The file's fingerprint, {@link Fingerprint#ABSENT} if gone, null if it cannot be read. */
  static Fingerprint read(Path file, long recordedAtNanos) {
    try {
      BasicFileAttributes attributes = attributes(file);
      if (attributes == null) {
        return Fingerprint.ABSENT;
      }
      if (!attributes.isRegularFile()) {
        return null;
      }
      ContentDigest digest = ContentHasher.hash(file, attributes.size());
      long mtime = nanos(attributes.lastModifiedTime());
      boolean racy = mtime >= recordedAtNanos - ContentBaseline.RACY_WINDOW.toNanos();
      return Fingerprint.of(attributes.size(), racy ? Fingerprint.UNTRUSTED_MTIME : mtime, digest);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The file's fingerprint, read after {@code before} was taken, or null if its size or time
   * changed meanwhile (it was written while being read, so the bytes may be neither version).
   */
  static Fingerprint readUnchanged(Path file, BasicFileAttributes before) throws IOException {
    ContentDigest digest = ContentHasher.hash(file, before.size());
    BasicFileAttributes after = attributes(file);
    if (after == null
        || after.size() != before.size()
        || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
      return null;
    }
    return Fingerprint.of(before.size(), nanos(before.lastModifiedTime()), digest);
  }

  /** The file's attributes, or null when it does not exist. */
  static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }

  static long nanos(Instant instant) {
    return nanos(FileTime.from(instant));
  }
}
