package dev.vigil.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a file's content, read once in chunks of at most 64 KiB.
 *
 * <p>The same digest serves the content record (a save that leaves the bytes as they were runs
 * nothing) and the stage cache's keys, so no file is read twice. The JDK's SHA-256 is a JVM
 * intrinsic (with the SHA extensions of current x86 and ARM CPUs, over a GB/s), so on a source tree
 * the cost is in opening and reading the files, not in the digest.
 */
final class ContentHasher {
  private static final int CHUNK = 64 * 1024;

  private ContentHasher() {}

  /**
   * Digests the bytes of the file; {@code expectedSize} only sizes the read buffer, so that the
   * many small files of a source tree do not each cost a 64 KiB allocation.
   */
  static ContentDigest hash(Path file, long expectedSize) throws IOException {
    MessageDigest sha = sha256();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(CHUNK, expectedSize + 1)));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        sha.update(buffer);
        buffer.clear();
      }
    }
    return ContentDigest.of(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
