package dev.vigil.diagnostics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A line of output given as UTF-8 bytes, looked at once for what decides whether any parser can
 * make something of it: an escape sequence (colour to remove) and a colon (every diagnostic a
 * parser recognizes on a line of its own has one). A plain line (neither) that does not begin a
 * pytest banner ({@code =}) needs no {@code String} until a person reads it.
 *
 * @param data the bytes, never changed by anyone (the line may be kept)
 * @param start where the line's text begins
 * @param end where it ends, line break excluded
 */
record LineBytes(byte[] data, int start, int end) {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long COLONS = 0x3A3A_3A3A_3A3A_3A3AL;
  private static final long ESCAPES = 0x1B1B_1B1B_1B1B_1B1BL;
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /** Whether the line holds neither an escape character nor a colon: eight bytes at a time. */
  static boolean plain(byte[] data, int start, int end) {
    int i = start;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long w = (long) LONGS.get(data, i);
      long colon = w ^ COLONS;
      long escape = w ^ ESCAPES;
      long zero = ((colon - ONES) & ~colon) | ((escape - ONES) & ~escape);
      if ((zero & HIGHS) != 0) {
        return false;
      }
    }
    for (; i < end; i++) {
      byte b = data[i];
      if (b == ':' || b == 0x1B) {
        return false;
      }
    }
    return true;
  }

  /** The line's text, decoded with replacement. */
  String text() {
    return new String(data, start, end - start, StandardCharsets.UTF_8);
  }

  /** How many bytes the text has at least as UTF-8: its bytes (a bad byte decodes to 3). */
  int length() {
    return end - start;
  }

  boolean startsWith(char c) {
    return end > start && data[start] == c;
  }
}
