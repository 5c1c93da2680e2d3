package dev.vigil.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The fingerprint recorded for each path of a {@link ContentBaseline}, packed into a few arrays
 * rather than a map of objects, since a daemon keeps one entry per file of every project: about 80
 * bytes per file of a large tree against some 200 for a {@code ConcurrentHashMap} of strings and
 * records.
 *
 * <p>Entry {@code e} has its path's bytes at {@code arena[starts[e]]} up to {@code starts[e + 1]},
 * and its fingerprint's six longs in a page of the longs of 1,024 entries: the biggest part never
 * moves as the table grows, so that growing leaves little garbage. A path is encoded char by char
 * as UTF-8 encodes code points below U+10000 (as {@link java.io.DataOutput#writeUTF} does), so that
 * every string, a lone surrogate included, comes back as it went in. An open-addressing index,
 * probed linearly, maps the hash of a path's bytes to its entry. A removed entry is marked dead and
 * its index slot left as a tombstone; once the dead outnumber the live, the arrays are compacted.
 *
 * <p>Every method holds the table's monitor and calls nothing outside it; {@link #snapshot} copies
 * what a reader needs, to be used after it lets go.
 */
final class RecordedFingerprints {
  private static final int LONGS = 6;
  private static final int FREE = -1;
  private static final int TOMBSTONE = -2;
  private static final int MIN_ENTRIES = 16;
  private static final int PAGE_SHIFT = 10;
  private static final int PAGE_ENTRIES = 1 << PAGE_SHIFT;
  private static final int MIN_INDEX = 32;

  /** The index grows past this share of its slots in use (tombstones count). */
  private static final double MAX_LOAD = 0.7;

  private byte[] arena = new byte[MIN_ENTRIES * 16];
  private int[] starts = new int[MIN_ENTRIES + 1];
  private long[][] pages = new long[1][];
  private final BitSet dead = new BitSet();
  private int[] index = freeIndex(MIN_INDEX);

  /** Entries appended so far, dead ones included; {@code starts[entries]} is the arena's end. */
  private int entries;

  private int live;

  /** Index slots holding an entry or a tombstone. */
  private int usedSlots;

  /** The path being looked up, encoded; reused so that a lookup allocates nothing. */
  private byte[] key = new byte[64];

  private int keyLength;

  /** The fingerprint recorded for {@code path}, or null. */
  synchronized Fingerprint get(String path) {
    int slot = find(path);
    return slot < 0 ? null : fingerprintOf(index[slot]);
  }

  /** Records {@code fingerprint} for {@code path}, replacing what was there. */
  synchronized void put(String path, Fingerprint fingerprint) {
    int slot = find(path);
    if (slot >= 0) {
      store(index[slot], fingerprint);
    } else {
      insert(fingerprint);
    }
  }

  /** Records {@code fingerprint} unless {@code path} has one; returns that one, or null. */
  synchronized Fingerprint putIfAbsent(String path, Fingerprint fingerprint) {
    int slot = find(path);
    if (slot >= 0) {
      return fingerprintOf(index[slot]);
    }
    insert(fingerprint);
    return null;
  }

  /** Forgets {@code path}; returns its fingerprint, or null when it had none. */
  synchronized Fingerprint remove(String path) {
    int slot = find(path);
    if (slot < 0) {
      return null;
    }
    int entry = index[slot];
    Fingerprint removed = fingerprintOf(entry);
    index[slot] = TOMBSTONE;
    dead.set(entry);
    live--;
    if (entries - live > live) {
      compact();
    }
    return removed;
  }

  /** How many paths have a fingerprint. */
  synchronized int size() {
    return live;
  }

  /** Every path with a fingerprint; a copy. */
  Set<String> knownPaths() {
    Snapshot snapshot = snapshot();
    List<String> paths = new ArrayList<>(snapshot.size());
    for (int i = 0; i < snapshot.size(); i++) {
      paths.add(snapshot.path(i));
    }
    return Set.copyOf(paths);
  }

  /** A copy of every live entry, unaffected by later changes. */
  synchronized Snapshot snapshot() {
    int[] liveStarts = new int[live + 1];
    long[][] livePages = new long[pageCount(live)][];
    byte[] liveBytes = new byte[liveBytes()];
    copyLive(liveBytes, liveStarts, livePages);
    return new Snapshot(liveBytes, liveStarts, livePages);
  }

  /** Shrinks the arrays to what the entries need, as after the start-up walk. */
  synchronized void trim() {
    arena = Arrays.copyOf(arena, Math.max(starts[entries], MIN_ENTRIES));
    starts = Arrays.copyOf(starts, Math.max(entries, MIN_ENTRIES) + 1);
  }

  /** The bytes held by the table's arrays (their contents, not the array headers). */
  synchronized long footprintBytes() {
    return arena.length
        + (long) Integer.BYTES * (starts.length + index.length)
        + (long) Long.BYTES * LONGS * PAGE_ENTRIES * pageCount(entries)
        + dead.size() / Byte.SIZE;
  }

  /** The live entries, in the order they were added: paths and fingerprints by position. */
  static final class Snapshot {
    private final byte[] arena;
    private final int[] starts;
    private final long[][] pages;

    private Snapshot(byte[] arena, int[] starts, long[][] pages) {
      this.arena = arena;
      this.starts = starts;
      this.pages = pages;
    }

    int size() {
      return starts.length - 1;
    }

    String path(int i) {
      return decode(arena, starts[i], starts[i + 1]);
    }

    Fingerprint fingerprint(int i) {
      return read(pages, i);
    }
  }

  /** The index slot of {@code path}'s entry, or -1; leaves the encoded path in {@link #key}. */
  private int find(String path) {
    encode(path);
    int mask = index.length - 1;
    for (int slot = hash(key, 0, keyLength) & mask; ; slot = (slot + 1) & mask) {
      int entry = index[slot];
      if (entry == FREE) {
        return -1;
      }
      if (entry != TOMBSTONE && keyEquals(entry)) {
        return slot;
      }
    }
  }

  /** Adds the path in {@link #key}, known to be absent, with {@code fingerprint}. */
  private void insert(Fingerprint fingerprint) {
    if (usedSlots + 1 > MAX_LOAD * index.length) {
      index = freeIndex(indexCapacity(live + 1));
      usedSlots = 0;
      reindex();
    }
    ensureRoom(keyLength);
    int entry = entries++;
    System.arraycopy(key, 0, arena, starts[entry], keyLength);
    starts[entries] = starts[entry] + keyLength;
    store(entry, fingerprint);
    live++;
    place(entry, hash(key, 0, keyLength));
  }

  /** Puts {@code entry} in the first free or tombstone slot from its hash on. */
  private void place(int entry, int hash) {
    int mask = index.length - 1;
    int slot = hash & mask;
    while (index[slot] >= 0) {
      slot = (slot + 1) & mask;
    }
    if (index[slot] == FREE) {
      usedSlots++;
    }
    index[slot] = entry;
  }

  private void ensureRoom(int pathBytes) {
    if (entries + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, grown(starts.length, entries + 2));
    }
    if (pageCount(entries + 1) > pages.length) {
      pages = Arrays.copyOf(pages, 2 * pages.length);
    }
    int end = starts[entries];
    if (end + pathBytes > arena.length) {
      arena = Arrays.copyOf(arena, grown(arena.length, end + pathBytes));
    }
  }

  /** Half as much again as {@code length}, or {@code needed} if that is more. */
  private static int grown(int length, int needed) {
    return Math.max(needed, length + (length >> 1) + 1);
  }

  /** How many pages {@code count} entries fill. */
  private static int pageCount(int count) {
    return (count + PAGE_ENTRIES - 1) >>> PAGE_SHIFT;
  }

  /** Rewrites the arrays with only the live entries. */
  private void compact() {
    int capacity = Math.max(live, MIN_ENTRIES);
    int[] newStarts = new int[capacity + 1];
    long[][] newPages = new long[pageCount(capacity)][];
    byte[] newArena = new byte[Math.max(liveBytes(), MIN_ENTRIES)];
    copyLive(newArena, newStarts, newPages);
    arena = newArena;
    starts = newStarts;
    pages = newPages;
    entries = live;
    dead.clear();
    index = freeIndex(indexCapacity(live));
    usedSlots = 0;
    reindex();
  }

  /** Copies the live entries' bytes, bounds and longs, in order, into the given arrays. */
  private void copyLive(byte[] toArena, int[] toStarts, long[][] toPages) {
    int copied = 0;
    int end = 0;
    for (int e = 0; e < entries; e++) {
      if (!dead.get(e)) {
        int length = starts[e + 1] - starts[e];
        System.arraycopy(arena, starts[e], toArena, end, length);
        System.arraycopy(
            pages[e >>> PAGE_SHIFT], offset(e), page(toPages, copied), offset(copied), LONGS);
        end += length;
        toStarts[++copied] = end;
      }
    }
  }

  /** The page holding {@code entry}'s longs, allocated on first use. */
  private static long[] page(long[][] pages, int entry) {
    int page = entry >>> PAGE_SHIFT;
    if (pages[page] == null) {
      pages[page] = new long[PAGE_ENTRIES * LONGS];
    }
    return pages[page];
  }

  /** Where {@code entry}'s longs start in its page. */
  private static int offset(int entry) {
    return (entry & (PAGE_ENTRIES - 1)) * LONGS;
  }

  private int liveBytes() {
    int bytes = starts[entries];
    for (int e = dead.nextSetBit(0); e >= 0 && e < entries; e = dead.nextSetBit(e + 1)) {
      bytes -= starts[e + 1] - starts[e];
    }
    return bytes;
  }

  /** Fills the (free) index with every live entry. */
  private void reindex() {
    for (int e = 0; e < entries; e++) {
      if (!dead.get(e)) {
        place(e, hash(arena, starts[e], starts[e + 1]));
      }
    }
  }

  /** The smallest power of two that holds {@code count} entries at under half load. */
  private static int indexCapacity(int count) {
    int capacity = MIN_INDEX;
    while (capacity < 2 * count + 1) {
      capacity <<= 1;
    }
    return capacity;
  }

  private static int[] freeIndex(int capacity) {
    int[] slots = new int[capacity];
    Arrays.fill(slots, FREE);
    return slots;
  }

  private boolean keyEquals(int entry) {
    int start = starts[entry];
    int end = starts[entry + 1];
    return Arrays.equals(arena, start, end, key, 0, keyLength);
  }

  private Fingerprint fingerprintOf(int entry) {
    return read(pages, entry);
  }

  private void store(int entry, Fingerprint f) {
    long[] longs = page(pages, entry);
    int at = offset(entry);
    longs[at] = f.size();
    longs[at + 1] = f.mtimeNanos();
    longs[at + 2] = f.sha0();
    longs[at + 3] = f.sha1();
    longs[at + 4] = f.sha2();
    longs[at + 5] = f.sha3();
  }

  private static Fingerprint read(long[][] pages, int entry) {
    long[] longs = pages[entry >>> PAGE_SHIFT];
    int at = offset(entry);
    return new Fingerprint(
        longs[at], longs[at + 1], longs[at + 2], longs[at + 3], longs[at + 4], longs[at + 5]);
  }

  private static int hash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    h ^= h >>> 16; // MurmurHash3's finalizer: every bit of h moves the low bits the mask keeps
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** Encodes {@code path} into {@link #key}: one to three bytes per char. */
  private void encode(String path) {
    int length = path.length();
    if (key.length < 3 * length) {
      key = new byte[Math.max(3 * length, 2 * key.length)];
    }
    int at = 0;
    for (int i = 0; i < length; i++) {
      char c = path.charAt(i);
      if (c < 0x80) {
        key[at++] = (byte) c;
      } else if (c < 0x800) {
        key[at++] = (byte) (0xC0 | (c >> 6));
        key[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        key[at++] = (byte) (0xE0 | (c >> 12));
        key[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        key[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    keyLength = at;
  }

  private static String decode(byte[] bytes, int from, int to) {
    char[] chars = new char[to - from];
    int n = 0;
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        chars[n++] = (char) b;
        i++;
      } else if (b < 0xE0) {
        chars[n++] = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
        i += 2;
      } else {
        chars[n++] =
            (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
        i += 3;
      }
    }
    return new String(chars, 0, n);
  }
}
