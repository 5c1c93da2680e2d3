package dev.vigil.cache;

import dev.vigil.batch.ContentDigest;
import dev.vigil.batch.RecordedContent;
import dev.vigil.glob.Glob;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The content of a project's inputs as one SHA-256 per input set, kept up to date path by path.
 *
 * <p>The list of (path, SHA-256 of content) of the files an input set covers is split into {@value
 * #BUCKETS} buckets by the first 10 bits of the SHA-256 of the path. A bucket's digest is SHA-256
 * over its entries in path order, each entry the path's UTF-8 length (4 bytes, big-endian), the
 * path and the 32 bytes of the content's SHA-256; the input set's digest is SHA-256 over the
 * {@value #BUCKETS} bucket digests in bucket order (an empty bucket's digest is SHA-256 of
 * nothing). A change rehashes only the buckets of the changed paths, so a run after a one-file
 * change costs a bucket and the final 32 KiB whatever the size of the tree; any two different lists
 * give different digests unless SHA-256 itself collides. Not thread-safe: its owner serialises
 * calls.
 */
final class InputIndex {
  static final int BUCKETS = 1024;

  private static final byte[] EMPTY_BUCKET = Sha256.digest().digest();

  /** One input set: its globs (empty: every file), bucket digests and the digest they make. */
  private static final class InputSet {
    final List<Glob> globs;
    final byte[][] buckets = new byte[BUCKETS][];
    final BitSet stale = new BitSet(BUCKETS);
    String digest;

    InputSet(List<String> patterns) {
      this.globs = patterns.stream().map(Glob::of).toList();
      stale.set(0, BUCKETS);
    }

    boolean covers(String path) {
      return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(path));
    }
  }

  /** Every known file, by bucket, in path order. */
  private final List<TreeMap<String, ContentDigest>> files = new ArrayList<>(BUCKETS);

  private final Map<List<String>, InputSet> sets = new LinkedHashMap<>();

  InputIndex(Collection<List<String>> inputSets) {
    for (int i = 0; i < BUCKETS; i++) {
      files.add(new TreeMap<>());
    }
    for (List<String> set : inputSets) {
      sets.putIfAbsent(List.copyOf(set), new InputSet(set));
    }
    sets.putIfAbsent(List.of(), new InputSet(List.of()));
  }

  /** Takes the recorded content of these paths; null content means the file is gone. */
  void update(Collection<String> paths, Function<String, RecordedContent> content) {
    for (String path : paths) {
      RecordedContent now = content.apply(path);
      int bucket = bucket(path);
      TreeMap<String, ContentDigest> inBucket = files.get(bucket);
      ContentDigest before = now == null ? inBucket.remove(path) : inBucket.put(path, now.sha256());
      if (now == null ? before == null : now.sha256().equals(before)) {
        continue;
      }
      for (InputSet set : sets.values()) {
        if (set.covers(path)) {
          set.stale.set(bucket);
          set.digest = null;
        }
      }
    }
  }

  /** The digest of the files the globs cover, as hex; the globs must have been registered. */
  String digest(List<String> globs) {
    InputSet set = sets.get(List.copyOf(globs));
    if (set == null) {
      throw new IllegalArgumentException("input set not registered: " + globs);
    }
    if (set.digest == null) {
      for (int b = set.stale.nextSetBit(0); b >= 0; b = set.stale.nextSetBit(b + 1)) {
        set.buckets[b] = bucketDigest(set, files.get(b));
      }
      set.stale.clear();
      MessageDigest sha = Sha256.digest();
      for (byte[] bucket : set.buckets) {
        sha.update(bucket);
      }
      set.digest = Sha256.hex(sha.digest());
    }
    return set.digest;
  }

  /** Paths known, for tests. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    files.forEach(bucket -> paths.addAll(bucket.keySet()));
    return paths;
  }

  /** The bucket of a path: the first 10 bits of the SHA-256 of its UTF-8 bytes. */
  static int bucket(String path) {
    byte[] sha = Sha256.digest().digest(path.getBytes(StandardCharsets.UTF_8));
    return ((sha[0] & 0xff) << 2) | ((sha[1] & 0xff) >>> 6);
  }

  private static byte[] bucketDigest(InputSet set, TreeMap<String, ContentDigest> bucket) {
    MessageDigest sha = null;
    for (Map.Entry<String, ContentDigest> e : bucket.entrySet()) {
      if (!set.covers(e.getKey())) {
        continue;
      }
      if (sha == null) {
        sha = Sha256.digest();
      }
      byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(path.length).array());
      sha.update(path);
      sha.update(e.getValue().bytes());
    }
    return sha == null ? EMPTY_BUCKET : sha.digest();
  }
}
