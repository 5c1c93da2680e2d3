package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.process.OutputLine.Stream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailBufferTest {
  @Test
  void keepsOnlyTheLastLinesThatFitTheLimitWithTheirNewlines() {
    TailBuffer tail = new TailBuffer(12);
    for (int i = 0; i < 10; i++) {
      tail.add(new OutputLine(Stream.STDOUT, "line" + i));
    }

    assertThat(tail.lines())
        .containsExactly(
            new OutputLine(Stream.STDOUT, "line8"), new OutputLine(Stream.STDOUT, "line9"));
  }

  @Test
  void theNewlinesCountTowardTheLimit() {
    TailBuffer tail = new TailBuffer(11);
    for (int i = 0; i < 10; i++) {
      tail.add(new OutputLine(Stream.STDOUT, "line" + i));
    }

    assertThat(tail.lines()).containsExactly(new OutputLine(Stream.STDOUT, "line9"));
  }

  @Test
  void aFullTailOfOneCharacterLinesIsNoLargerThanTheLimitAsText() {
    TailBuffer tail = new TailBuffer(1000);
    for (int i = 0; i < 5000; i++) {
      tail.add(new OutputLine(Stream.STDOUT, "y"));
    }

    assertThat(text(tail.lines()).length()).isEqualTo(1000);
  }

  @Test
  void countsUtf8BytesAndCutsALineLargerThanTheLimit() {
    TailBuffer tail = new TailBuffer(7);
    tail.add(new OutputLine(Stream.STDERR, "\u20ac\u20ac\u20ac"));

    assertThat(tail.lines()).containsExactly(new OutputLine(Stream.STDERR, "\u20ac\u20ac"));
    assertThat(text(tail.lines()).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(7);
  }

  @Test
  void aNoteAddedAfterAFullTailKeepsTheTextWithinTheLimit() {
    List<OutputLine> full = new java.util.ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      full.add(new OutputLine(Stream.STDOUT, "y"));
    }
    CommandOutput output =
        new CommandOutput(
            new Outcome.FailedToStart("no such directory"), java.time.Duration.ZERO, full, 0);

    String text = output.tailText("vigil: could not start: no such directory");

    assertThat(text.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(CommandOutput.TAIL_LIMIT_BYTES);
    assertThat(text).startsWith("y\n").endsWith("\nvigil: could not start: no such directory\n");
  }

  private static String text(List<OutputLine> lines) {
    return new CommandOutput(new Outcome.Exited(0), java.time.Duration.ZERO, lines, 0).tailText();
  }
}
