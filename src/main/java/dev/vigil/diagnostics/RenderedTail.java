package dev.vigil.diagnostics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/** The last lines a person reads of a stage's output, at most {@link #LIMIT_BYTES} of UTF-8. */
final class RenderedTail {
  /** As much as a run record's {@code outputTail} holds. */
  static final int LIMIT_BYTES = 64 * 1024;

  private final HumanOutput human = new HumanOutput();
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
  private long bytes;

  void add(String line) {
    for (String text : human.lines(line)) {
      String kept = text;
      int size = size(kept);
      if (size > LIMIT_BYTES) {
        kept = kept.substring(kept.length() - LIMIT_BYTES / 4);
        size = size(kept);
      }
      lines.addLast(kept);
      sizes.addLast(size);
      bytes += size;
      while (bytes > LIMIT_BYTES) {
        lines.removeFirst();
        bytes -= sizes.removeFirst();
      }
    }
  }

  /** The lines, each ended by a newline. */
  String text() {
    StringBuilder out = new StringBuilder((int) bytes);
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

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
