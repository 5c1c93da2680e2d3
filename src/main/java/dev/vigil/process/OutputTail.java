package dev.vigil.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last lines of output, as {@link TailBuffer} keeps them, but kept as the lines came and
 * decoded only when asked for: a flood of output costs no {@code String} per line. Whole reads are
 * kept for as long as the reads after them may hold less than the limit; a line's text is never
 * smaller as UTF-8 than its bytes (each byte that is not UTF-8 becomes a 3-byte replacement), so
 * that bound is safe.
 */
final class OutputTail {
  private final int limitBytes;
  private final ArrayDeque<Kept> kept = new ArrayDeque<>();
  private long floor;

  OutputTail(int limitBytes) {
    this.limitBytes = limitBytes;
  }

  void add(OutputLines lines) {
    Kept k = new Kept(lines, floor(lines));
    kept.addLast(k);
    floor += k.floor();
    while (floor - kept.getFirst().floor() >= limitBytes) {
      floor -= kept.removeFirst().floor();
    }
  }

  /** The lines a {@link TailBuffer} of the same limit would hold, had it been given every line. */
  List<OutputLine> lines() {
    List<OutputLines> newestFirst = new ArrayList<>();
    long have = 0;
    for (Iterator<Kept> it = kept.descendingIterator(); it.hasNext() && have < limitBytes; ) {
      Kept k = it.next();
      newestFirst.add(k.lines());
      have += k.floor();
    }
    TailBuffer tail = new TailBuffer(limitBytes);
    for (int b = newestFirst.size() - 1; b >= 0; b--) {
      newestFirst.get(b).forEach(tail::add);
    }
    return tail.lines();
  }

  /**
   * At least how many bytes the lines take in a {@link TailBuffer}: each its text and newline, and
   * a line cut to the limit takes at least the limit less one character.
   */
  private long floor(OutputLines lines) {
    long sum = 0;
    for (int i = 0; i < lines.size(); i++) {
      sum += Math.min(lines.textEnd(i) - lines.start(i) + 1, limitBytes - 3);
    }
    return sum;
  }

  private record Kept(OutputLines lines, long floor) {}
}
