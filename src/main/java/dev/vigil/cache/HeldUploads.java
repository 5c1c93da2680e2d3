package dev.vigil.cache;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The keys of uploads made while the remote was unavailable, the newest {@code limit} of them, with
 * a count of the older ones dropped since it was last said. Only keys are held: the artifact is
 * read back from the local store when it is sent, so holding costs no memory per artifact. Not
 * thread-safe: its owner serialises calls.
 */
final class HeldUploads {
  private final int limit;
  private final Deque<String> keys = new ArrayDeque<>();
  private int dropped;

  HeldUploads(int limit) {
    this.limit = limit;
  }

  /** Holds the key as the newest, dropping the oldest past the limit. */
  void add(String key) {
    if (keys.remove(key)) {
      keys.addLast(key);
      return;
    }
    keys.addLast(key);
    if (keys.size() > limit) {
      keys.removeFirst();
      dropped++;
    }
  }

  /** Puts back a key taken to send that could not be sent, as the oldest. */
  void putBack(String key) {
    if (!keys.contains(key)) {
      keys.addFirst(key);
      if (keys.size() > limit) {
        keys.removeLast();
        dropped++;
      }
    }
  }

  /** The oldest key, removed; null when none is held. */
  String take() {
    return keys.pollFirst();
  }

  int size() {
    return keys.size();
  }

  /** How many were dropped since the last call; the count starts again at zero. */
  int takeDropped() {
    int d = dropped;
    dropped = 0;
    return d;
  }
}
