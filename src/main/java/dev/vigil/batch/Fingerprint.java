package dev.vigil.batch;

/**
 * What a file looked like when it was recorded: size, modification time and content hash, or {@link
 * #ABSENT} for a file known not to exist.
 *
 * @param size bytes, or -1 for absent
 * @param mtimeNanos modification time in nanoseconds since the epoch, or {@link #UNTRUSTED_MTIME}
 *     when it was too close to the moment of recording to prove the content unchanged later
 * @param hash the {@link ContentHasher} hash of the bytes
 */
record Fingerprint(long size, long mtimeNanos, long hash) {
  static final long UNTRUSTED_MTIME = Long.MIN_VALUE;
  static final Fingerprint ABSENT = new Fingerprint(-1, UNTRUSTED_MTIME, 0);

  boolean absent() {
    return size < 0;
  }
}
