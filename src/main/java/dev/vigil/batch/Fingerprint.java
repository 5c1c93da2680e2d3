package dev.vigil.batch;

/**
 * What a file looked like when it was recorded: size, modification time and the SHA-256 of its
 * bytes, or {@link #ABSENT} for a file known not to exist. The digest is kept inline as four longs
 * (see {@link ContentDigest}): one object per file, whatever the size of the tree.
 *
 * @param size bytes, or -1 for absent
 * @param mtimeNanos modification time in nanoseconds since the epoch, or {@link #UNTRUSTED_MTIME}
 *     when it was too close to the moment of recording to prove the content unchanged later
 */
record Fingerprint(long size, long mtimeNanos, long sha0, long sha1, long sha2, long sha3) {
  static final long UNTRUSTED_MTIME = Long.MIN_VALUE;
  static final Fingerprint ABSENT = new Fingerprint(-1, UNTRUSTED_MTIME, 0, 0, 0, 0);

  static Fingerprint of(long size, long mtimeNanos, ContentDigest digest) {
    return new Fingerprint(size, mtimeNanos, digest.a(), digest.b(), digest.c(), digest.d());
  }

  boolean absent() {
    return size < 0;
  }

  ContentDigest digest() {
    return new ContentDigest(sha0, sha1, sha2, sha3);
  }

  /** Whether both were read from the same bytes (sizes and digests equal). */
  boolean sameContent(Fingerprint other) {
    return size == other.size
        && sha0 == other.sha0
        && sha1 == other.sha1
        && sha2 == other.sha2
        && sha3 == other.sha3;
  }

  /** The same content with a time that proves nothing. */
  Fingerprint untrusted() {
    return new Fingerprint(size, UNTRUSTED_MTIME, sha0, sha1, sha2, sha3);
  }
}
