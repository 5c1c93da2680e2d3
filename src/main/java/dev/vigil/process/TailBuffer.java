package dev.vigil.process;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines of output, at most a given number of UTF-8 bytes as text: each line counts with
 * the newline that ends it there.
 */
final class TailBuffer {
  private final int limitBytes;
  private final ArrayDeque<Entry> lines = new ArrayDeque<>();
  private long bytes;

  TailBuffer(int limitBytes) {
    this.limitBytes = limitBytes;
  }

  void add(OutputLine line) {
    OutputLine kept = line;
    int size = Utf8.length(line.text()) + 1;
    if (size > limitBytes) {
      String text = Utf8.truncate(line.text(), limitBytes - 1);
      kept = new OutputLine(line.stream(), text);
      size = Utf8.length(text) + 1;
    }
    lines.addLast(new Entry(kept, size));
    bytes += size;
    while (bytes > limitBytes) {
      bytes -= lines.removeFirst().size();
    }
  }

  List<OutputLine> lines() {
    return lines.stream().map(Entry::line).toList();
  }

  private record Entry(OutputLine line, int size) {}
}
