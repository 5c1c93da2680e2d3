package dev.vigil.batch;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The SHA-256 of a file's bytes, held as four longs (big-endian order of the 32 digest bytes), so
 * that a record of many files keeps no array per file.
 */
public record ContentDigest(long a, long b, long c, long d) {
  /** The digest given as its 32 bytes. */
  public static ContentDigest of(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
    }
    ByteBuffer bytes = ByteBuffer.wrap(sha256);
    return new ContentDigest(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
  }

  /** The 32 bytes of the digest. */
  public byte[] bytes() {
    return ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d).array();
  }

  /** The digest as 64 lower-case hex digits, as {@code sha256sum} prints it. */
  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  @Override
  public String toString() {
    return hex();
  }
}
