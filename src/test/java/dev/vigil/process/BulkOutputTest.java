package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output taken a read's whole lines at a time is the same output a line at a time: the same lines
 * with the same text (a '\r' before the newline dropped, bytes that are not UTF-8 replaced, a line
 * longer than the bound cut at a character boundary), the same bytes for the log, and the same
 * tail, whatever sizes the reads come in.
 */
class BulkOutputTest {
  private static final byte[][] PIECES = {
    "plain text".getBytes(StandardCharsets.UTF_8),
    "\n".getBytes(StandardCharsets.UTF_8),
    "\r\n".getBytes(StandardCharsets.UTF_8),
    "\r".getBytes(StandardCharsets.UTF_8),
    "\u20ac\u00e9".getBytes(StandardCharsets.UTF_8),
    "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
    {(byte) 0xff, (byte) 0xe2, (byte) 0x82},
    "\u001B[31merror\u001B[0m: x".getBytes(StandardCharsets.UTF_8),
  };

  /** The splitting as it was done a byte at a time: the reference for the bulk splitter. */
  private static final class ByteAtATime {
    final List<String> texts = new ArrayList<>();
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    final TailBuffer tail = new TailBuffer(CommandOutput.TAIL_LIMIT_BYTES);
    private final byte[] buf = new byte[LineSplitter.MAX_LINE_BYTES + 1];
    private int size;

    void feed(byte[] data) {
      for (byte b : data) {
        if (size >= LineSplitter.MAX_LINE_BYTES && b != '\n') {
          int keep = incomplete();
          emit(size - keep, size - keep, false);
          System.arraycopy(buf, size - keep, buf, 0, keep);
          size = keep;
        }
        buf[size++] = b;
        if (b == '\n') {
          emit(size, size - 1, true);
          size = 0;
        }
      }
    }

    void finish() {
      if (size > 0) {
        emit(size, size, true);
      }
    }

    private void emit(int rawLength, int textLength, boolean stripCr) {
      int length = textLength;
      if (stripCr && length > 0 && buf[length - 1] == '\r') {
        length--;
      }
      raw.write(buf, 0, rawLength);
      String text = new String(buf, 0, length, StandardCharsets.UTF_8);
      texts.add(text);
      tail.add(new OutputLine(OutputLine.Stream.STDOUT, text));
    }

    private int incomplete() {
      int i = size - 1;
      int continuation = 0;
      while (i >= 0 && continuation < 3 && (buf[i] & 0xC0) == 0x80) {
        i--;
        continuation++;
      }
      int lead = buf[i] & 0xFF;
      int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      return size - i < need ? size - i : 0;
    }
  }

  private static byte[] output(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = 2000 + random.nextInt(4000);
    for (int i = 0; i < pieces; i++) {
      int kind = random.nextInt(40);
      if (kind == 0) {
        byte[] longLine = new byte[LineSplitter.MAX_LINE_BYTES - 2 + random.nextInt(5)];
        java.util.Arrays.fill(longLine, (byte) 'z');
        out.writeBytes(longLine);
      } else if (kind == 1) {
        for (int j = 0; j < LineSplitter.MAX_LINE_BYTES / 2 + random.nextInt(100); j++) {
          out.writeBytes(PIECES[4]);
        }
      } else {
        out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void linesLogBytesAndTailAreThoseOfAByteAtATime(long seed) {
    Random random = new Random(seed);
    byte[] output = output(random);
    ByteAtATime reference = new ByteAtATime();
    reference.feed(output);
    reference.finish();

    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    OutputTail tail = new OutputTail(CommandOutput.TAIL_LIMIT_BYTES);
    LineSplitter splitter =
        new LineSplitter(
            OutputLine.Stream.STDOUT,
            lines -> {
              for (int i = 0; i < lines.size(); i++) {
                texts.add(lines.text(i));
              }
              raw.write(lines.raw(), 0, lines.rawLength());
              tail.add(lines);
            });
    int at = 0;
    while (at < output.length) {
      int n = Math.min(output.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000));
      splitter.feed(output, at, n);
      at += n;
    }
    splitter.finish();

    assertThat(texts).isEqualTo(reference.texts);
    assertThat(raw.toByteArray()).isEqualTo(output);
    assertThat(tail.lines()).isEqualTo(reference.tail.lines());
  }
}
