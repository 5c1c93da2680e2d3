package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineBytesTest {
  @Test
  void aColonOrAnEscapeAnywhereMakesALineNotPlain() {
    for (byte mark : new byte[] {':', 0x1B}) {
      for (int length = 1; length < 20; length++) {
        for (int at = 0; at < length; at++) {
          byte[] data = new byte[length + 2];
          Arrays.fill(data, (byte) (mark | 0x80)); // the mark's byte with the high bit: not it
          data[0] = mark; // outside the line
          data[data.length - 1] = mark;
          assertThat(LineBytes.plain(data, 1, 1 + length)).isTrue();
          data[1 + at] = mark;
          assertThat(LineBytes.plain(data, 1, 1 + length)).isFalse();
        }
      }
    }
  }
}
