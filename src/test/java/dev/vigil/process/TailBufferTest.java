package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.process.OutputLine.Stream;
import org.junit.jupiter.api.Test;

class TailBufferTest {
  @Test
  void keepsOnlyTheLastLinesThatFitTheLimit() {
    TailBuffer tail = new TailBuffer(10);
    for (int i = 0; i < 10; i++) {
      tail.add(new OutputLine(Stream.STDOUT, "line" + i));
    }

    assertThat(tail.lines())
        .containsExactly(
            new OutputLine(Stream.STDOUT, "line8"), new OutputLine(Stream.STDOUT, "line9"));
  }

  @Test
  void countsUtf8BytesAndCutsALineLargerThanTheLimit() {
    TailBuffer tail = new TailBuffer(4);
    tail.add(new OutputLine(Stream.STDERR, "\u20ac\u20ac"));

    assertThat(tail.lines()).containsExactly(new OutputLine(Stream.STDERR, "\u20ac"));
  }
}
