package dev.vigil.process;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Lines of one output stream, in the order the command wrote them, kept as the bytes it wrote: all
 * of a read's whole lines at once, so that the log and the tail take them in one copy and a line
 * becomes a {@code String} only where a reader asks for its text. Immutable: readers may keep it.
 */
public final class OutputLines {
  /** Receives a line's text as UTF-8 bytes: {@code data[start..end)}, never to be changed. */
  @FunctionalInterface
  public interface TextBytes {
    void line(byte[] data, int start, int end);
  }

  private final OutputLine.Stream stream;
  private final byte[] data;
  private final int length;
  private final int[] bounds; // per line: where it starts, and where its text ends (no \r\n)
  private final int count;

  OutputLines(OutputLine.Stream stream, byte[] data, int length, int[] bounds, int count) {
    this.stream = stream;
    this.data = data;
    this.length = length;
    this.bounds = bounds;
    this.count = count;
  }

  /** One line of that text, ended by a newline. */
  public static OutputLines of(OutputLine.Stream stream, String text) {
    byte[] raw = (text + "\n").getBytes(StandardCharsets.UTF_8);
    return new OutputLines(stream, raw, raw.length, new int[] {0, raw.length - 1}, 1);
  }

  /** One line. */
  public static OutputLines of(OutputLine line) {
    return of(line.stream(), line.text());
  }

  public OutputLine.Stream stream() {
    return stream;
  }

  /** How many lines. */
  public int size() {
    return count;
  }

  /** The bytes of every line as written, line breaks included. */
  int rawLength() {
    return length;
  }

  byte[] raw() {
    return data;
  }

  int start(int i) {
    return bounds[2 * i];
  }

  int textEnd(int i) {
    return bounds[2 * i + 1];
  }

  /** The line's text: its bytes without the line break, decoded as UTF-8 with replacement. */
  public String text(int i) {
    int start = start(i);
    return new String(data, start, textEnd(i) - start, StandardCharsets.UTF_8);
  }

  public OutputLine line(int i) {
    return new OutputLine(stream, text(i));
  }

  /** Each line's text as bytes, in order, without decoding it. */
  public void forEachText(TextBytes consumer) {
    for (int i = 0; i < count; i++) {
      consumer.line(data, bounds[2 * i], bounds[2 * i + 1]);
    }
  }

  /** Each line, decoded. */
  public void forEach(Consumer<OutputLine> consumer) {
    for (int i = 0; i < count; i++) {
      consumer.accept(line(i));
    }
  }

  @Override
  public String toString() {
    return count + " lines of " + stream;
  }
}
