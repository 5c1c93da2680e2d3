package dev.vigil.cache;

import dev.vigil.batch.RecordedContent;
import dev.vigil.glob.Glob;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The content of a project's inputs as one digest per input set, kept up to date path by path.
 *
 * <p>Each known file contributes SHA-256(path, size, content hash); an input set's digest is the
 * sum of its files' contributions modulo 2^256, with the number of files. Updating a path subtracts
 * its old contribution and adds the new one, so a run after a one-file change costs a few hashes
 * whatever the size of the tree, and the digest never depends on the order in which paths were
 * recorded. Not thread-safe: its owner serialises calls.
 */
final class InputIndex {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  /** One input set: its globs (empty: every file) and running digest. */
  private static final class InputSet {
    final List<Glob> globs;
    BigInteger sum = BigInteger.ZERO;
    long count;

    InputSet(List<String> patterns) {
      this.globs = patterns.stream().map(Glob::of).toList();
    }

    boolean covers(String path) {
      return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(path));
    }
  }

  private final Map<String, BigInteger> entries = new HashMap<>();
  private final Map<List<String>, InputSet> sets = new LinkedHashMap<>();

  InputIndex(Collection<List<String>> inputSets) {
    for (List<String> set : inputSets) {
      sets.putIfAbsent(List.copyOf(set), new InputSet(set));
    }
    sets.putIfAbsent(List.of(), new InputSet(List.of()));
  }

  /** Takes the recorded content of these paths; null content means the file is gone. */
  void update(Collection<String> paths, Function<String, RecordedContent> content) {
    for (String path : paths) {
      RecordedContent now = content.apply(path);
      BigInteger next = now == null ? null : contribution(path, now);
      BigInteger before = next == null ? entries.remove(path) : entries.put(path, next);
      if (next != null && next.equals(before)) {
        continue;
      }
      for (InputSet set : sets.values()) {
        if (!set.covers(path)) {
          continue;
        }
        if (before != null) {
          set.sum = set.sum.subtract(before).mod(MODULUS);
          set.count--;
        }
        if (next != null) {
          set.sum = set.sum.add(next).mod(MODULUS);
          set.count++;
        }
      }
    }
  }

  /** The digest of the files the globs cover, as key text; the globs must have been registered. */
  String digest(List<String> globs) {
    InputSet set = sets.get(List.copyOf(globs));
    if (set == null) {
      throw new IllegalArgumentException("input set not registered: " + globs);
    }
    return set.count + ":" + set.sum.toString(16);
  }

  /** Paths known, for tests. */
  List<String> paths() {
    return new ArrayList<>(entries.keySet());
  }

  private static BigInteger contribution(String path, RecordedContent content) {
    MessageDigest sha = Sha256.digest();
    sha.update(path.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(Long.toString(content.size()).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) 0);
    sha.update(Long.toHexString(content.hash()).getBytes(StandardCharsets.US_ASCII));
    return new BigInteger(1, sha.digest());
  }
}
