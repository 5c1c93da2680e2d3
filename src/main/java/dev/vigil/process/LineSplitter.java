package dev.vigil.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on '\n', handing on each read's whole lines at once as {@link
 * OutputLines}: a line's text is its bytes without the '\n' and a '\r' before it, decoded (with
 * replacement) only where it is asked for. A line longer than {@link #MAX_LINE_BYTES} is cut into
 * pieces of at most that size (at a character boundary), so memory stays bounded whatever the
 * input. Lines whole within a read are copied once, in bulk; only a line that spans reads waits in
 * a buffer of its own.
 */
final class LineSplitter {
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /** Receives the lines of each read, in order. */
  interface Sink {
    void lines(OutputLines lines);
  }

  private final OutputLine.Stream stream;
  private final Sink sink;
  private final byte[] carry = new byte[MAX_LINE_BYTES + 1];
  private int size;

  // the lines being gathered for the sink: their bytes back to back, and where each starts and ends
  private byte[] out;
  private int outLength;
  private int[] bounds = new int[128];
  private int count;

  LineSplitter(OutputLine.Stream stream, Sink sink) {
    this.stream = stream;
    this.sink = sink;
  }

  void feed(byte[] data, int offset, int length) {
    out = new byte[size + length];
    int end = offset + length;
    int pos = offset;
    int run = -1; // where the lines not yet copied to out begin in data, or -1
    int runOut = 0; // where they go in out
    while (pos < end) {
      int nl = newline(data, pos, end);
      if (size == 0 && nl < end && nl - pos <= MAX_LINE_BYTES) {
        if (run < 0) {
          run = pos;
          runOut = outLength;
        }
        int start = runOut + (pos - run);
        add(start, textEnd(data, pos, nl) - pos + start);
        outLength = runOut + (nl + 1 - run);
        pos = nl + 1;
        continue;
      }
      if (run >= 0) {
        System.arraycopy(data, run, out, runOut, pos - run);
        run = -1;
      }
      append(data, pos, nl);
      if (nl == end) {
        break;
      }
      carry[size++] = '\n';
      emitCarry(size, textEnd(carry, 0, size - 1));
      size = 0;
      pos = nl + 1;
    }
    if (run >= 0) {
      System.arraycopy(data, run, out, runOut, pos - run);
    }
    flush();
  }

  /** Hands on what is left as a last line without terminator. */
  void finish() {
    if (size > 0) {
      out = new byte[size];
      emitCarry(size, textEnd(carry, 0, size));
      size = 0;
      flush();
    }
  }

  /**
   * Adds bytes without a newline to the line that spans reads, cutting it where it grows too long.
   */
  private void append(byte[] data, int from, int to) {
    while (from < to) {
      if (size >= MAX_LINE_BYTES) {
        cut();
      }
      int n = Math.min(to - from, MAX_LINE_BYTES - size);
      System.arraycopy(data, from, carry, size, n);
      size += n;
      from += n;
    }
  }

  private void cut() {
    int keep = incompleteCharBytes();
    int piece = size - keep;
    emitCarry(piece, piece);
    System.arraycopy(carry, piece, carry, 0, keep);
    size = keep;
  }

  /** Adds the first {@code rawLength} bytes of the carry as a line whose text ends at textEnd. */
  private void emitCarry(int rawLength, int textEnd) {
    if (out.length - outLength < rawLength) {
      out = Arrays.copyOf(out, outLength + rawLength);
    }
    System.arraycopy(carry, 0, out, outLength, rawLength);
    add(outLength, outLength + textEnd);
    outLength += rawLength;
  }

  private void add(int start, int textEnd) {
    if (bounds.length < 2 * count + 2) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * count] = start;
    bounds[2 * count + 1] = textEnd;
    count++;
  }

  private void flush() {
    if (count > 0) {
      OutputLines lines =
          new OutputLines(stream, out, outLength, Arrays.copyOf(bounds, 2 * count), count);
      count = 0;
      outLength = 0;
      out = null;
      sink.lines(lines);
    } else {
      outLength = 0;
      out = null;
    }
  }

  /** The first '\n' in data[from..end), or end: eight bytes at a time. */
  static int newline(byte[] data, int from, int end) {
    int i = from;
    while (i + Long.BYTES <= end) {
      long w = (long) LONGS.get(data, i) ^ NEWLINES;
      long zero = (w - ONES) & ~w & HIGHS; // the lowest byte set marks the first '\n'
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
      i += Long.BYTES;
    }
    while (i < end && data[i] != '\n') {
      i++;
    }
    return i;
  }

  /** Where the text of data[start..end) ends: before a '\r' that ends it. */
  private static int textEnd(byte[] data, int start, int end) {
    return end > start && data[end - 1] == '\r' ? end - 1 : end;
  }

  /** How many bytes at the end of the carry begin a UTF-8 character that is not complete yet. */
  private int incompleteCharBytes() {
    int i = size - 1;
    int continuation = 0;
    while (i >= 0 && continuation < 3 && (carry[i] & 0xC0) == 0x80) {
      i--;
      continuation++;
    }
    if (i < 0) {
      return 0;
    }
    int lead = carry[i] & 0xFF;
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    int have = size - i;
    return have < need ? have : 0;
  }
}
