package dev.vigil.process;

import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines on '\n', strips a trailing '\r' and decodes UTF-8 with
 * replacement. A line longer than {@link #MAX_LINE_BYTES} is cut into pieces of at most that size
 * (at a character boundary), so memory stays bounded whatever the input.
 */
final class LineSplitter {
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** Receives each line: its raw bytes (with the '\n' when there was one) and its text. */
  interface Sink {
    void line(byte[] raw, int offset, int length, String text);
  }

  private final Sink sink;
  private final byte[] buf = new byte[MAX_LINE_BYTES + 1];
  private int size;

  LineSplitter(Sink sink) {
    this.sink = sink;
  }

  void feed(byte[] data, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      byte b = data[i];
      if (size >= MAX_LINE_BYTES && b != '\n') {
        cut();
      }
      buf[size++] = b;
      if (b == '\n') {
        emit(size, size - 1, true);
        size = 0;
      }
    }
  }

  /** Emits what is left as a last line without terminator. */
  void finish() {
    if (size > 0) {
      emit(size, size, true);
      size = 0;
    }
  }

  private void cut() {
    int keep = incompleteCharBytes();
    int piece = size - keep;
    emit(piece, piece, false);
    System.arraycopy(buf, piece, buf, 0, keep);
    size = keep;
  }

  private void emit(int rawLength, int textLength, boolean stripCr) {
    int length = textLength;
    if (stripCr && length > 0 && buf[length - 1] == '\r') {
      length--;
    }
    sink.line(buf, 0, rawLength, new String(buf, 0, length, StandardCharsets.UTF_8));
  }

  /** How many bytes at the end of the buffer begin a UTF-8 character that is not complete yet. */
  private int incompleteCharBytes() {
    int i = size - 1;
    int continuation = 0;
    while (i >= 0 && continuation < 3 && (buf[i] & 0xC0) == 0x80) {
      i--;
      continuation++;
    }
    if (i < 0) {
      return 0;
    }
    int lead = buf[i] & 0xFF;
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    int have = size - i;
    return have < need ? have : 0;
  }
}
