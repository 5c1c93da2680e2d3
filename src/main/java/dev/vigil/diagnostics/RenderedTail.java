package dev.vigil.diagnostics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last lines a person reads of a stage's output, at most {@link #LIMIT_BYTES} of UTF-8. A plain
 * line (no escape code, not a cargo record: shown as it is) is kept as its bytes and decoded only
 * when the text is asked for; lines are kept for as long as the lines after them may take less than
 * the limit, and the exact tail is worked out from those when asked for.
 */
final class RenderedTail {
  /** As much as a run record's {@code outputTail} holds. */
  static final int LIMIT_BYTES = 64 * 1024;

  /** A line cut for being longer than the limit keeps its last quarter. */
  private static final int CUT_CHARS = LIMIT_BYTES / 4;

  private final HumanOutput human = new HumanOutput();
  private final ArrayDeque<Object> lines = new ArrayDeque<>(); // Shown, or LineBytes shown as is
  private long floor;

  void add(String line) {
    for (String text : human.lines(line)) {
      keep(shown(text));
    }
  }

  /** A line given as bytes; {@code plain} when it has no escape code and is no cargo record. */
  void add(LineBytes line, boolean plain) {
    if (plain && !line.startsWith('{')) {
      keep(line);
    } else {
      add(line.text());
    }
  }

  /** The lines, each ended by a newline. */
  String text() {
    List<Object> newestFirst = new ArrayList<>();
    long have = 0;
    for (Iterator<Object> it = lines.descendingIterator(); it.hasNext() && have < LIMIT_BYTES; ) {
      Object line = it.next();
      newestFirst.add(line);
      have += floor(line);
    }
    ArrayDeque<String> kept = new ArrayDeque<>();
    ArrayDeque<Integer> sizes = new ArrayDeque<>();
    long bytes = 0;
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Shown line =
          newestFirst.get(i) instanceof LineBytes b ? shown(b.text()) : (Shown) newestFirst.get(i);
      String text = line.text();
      int size = line.size();
      kept.addLast(text);
      sizes.addLast(size);
      bytes += size;
      while (bytes > LIMIT_BYTES) {
        kept.removeFirst();
        bytes -= sizes.removeFirst();
      }
    }
    StringBuilder out = new StringBuilder((int) bytes);
    for (String line : kept) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private void keep(Object line) {
    lines.addLast(line);
    floor += floor(line);
    while (floor - floor(lines.getFirst()) >= LIMIT_BYTES) {
      floor -= floor(lines.removeFirst());
    }
  }

  /** The text as kept: a line longer than the limit keeps its last quarter. */
  private static Shown shown(String text) {
    int size = size(text);
    if (size <= LIMIT_BYTES) {
      return new Shown(text, size);
    }
    String cut = text.substring(text.length() - CUT_CHARS);
    return new Shown(cut, size(cut));
  }

  /** At least the size the line takes in the tail, newline included. */
  private static int floor(Object line) {
    if (line instanceof LineBytes b) {
      return Math.min(b.length(), CUT_CHARS) + 1;
    }
    return ((Shown) line).size();
  }

  /** A line as the tail shows it, with its size in UTF-8, newline included. */
  private record Shown(String text, int size) {}

  private static int size(String text) {
    char[] chars = text.toCharArray(); // a loop over an array: far cheaper than charAt per char
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return text.length() + 1;
  }
}
