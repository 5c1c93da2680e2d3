package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final List<String> texts = new ArrayList<>();
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final LineSplitter splitter =
      new LineSplitter(
          OutputLine.Stream.STDOUT,
          lines -> {
            for (int i = 0; i < lines.size(); i++) {
              texts.add(lines.text(i));
            }
            raw.write(lines.raw(), 0, lines.rawLength());
          });

  private void feed(byte[] bytes) {
    splitter.feed(bytes, 0, bytes.length);
  }

  @Test
  void splitsOnNewlineStripsCarriageReturnAndKeepsRawBytes() {
    byte[] input = "one\r\ntwo\n\nlast".getBytes(StandardCharsets.UTF_8);
    feed(input);
    splitter.finish();

    assertThat(texts).containsExactly("one", "two", "", "last");
    assertThat(raw.toByteArray()).isEqualTo(input);
  }

  @Test
  void linesSplitAcrossChunksAreJoined() {
    feed("hel".getBytes(StandardCharsets.UTF_8));
    feed("lo\nwor".getBytes(StandardCharsets.UTF_8));
    feed("ld\n".getBytes(StandardCharsets.UTF_8));
    splitter.finish();

    assertThat(texts).containsExactly("hello", "world");
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() {
    feed(new byte[] {'a', (byte) 0xff, 'b', '\n'});

    assertThat(texts).containsExactly("a\uFFFDb");
  }

  @Test
  void aLongLineIsCutIntoBoundedPieces() {
    byte[] line = new byte[LineSplitter.MAX_LINE_BYTES * 2 + 10];
    java.util.Arrays.fill(line, (byte) 'z');
    feed(line);
    splitter.finish();

    assertThat(texts).hasSize(3);
    assertThat(texts.get(0)).hasSize(LineSplitter.MAX_LINE_BYTES);
    assertThat(texts.get(1)).hasSize(LineSplitter.MAX_LINE_BYTES);
    assertThat(texts.get(2)).hasSize(10);
  }

  @Test
  void aCutNeverSplitsAMultiByteCharacter() {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("a".getBytes(StandardCharsets.UTF_8));
    byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8); // 3 bytes
    for (int i = 0; i < LineSplitter.MAX_LINE_BYTES; i++) {
      input.writeBytes(euro);
    }
    feed(input.toByteArray());
    splitter.finish();

    assertThat(String.join("", texts))
        .doesNotContain("\uFFFD")
        .hasSize(1 + LineSplitter.MAX_LINE_BYTES);
    assertThat(texts)
        .allSatisfy(
            t ->
                assertThat(t.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(LineSplitter.MAX_LINE_BYTES));
  }

  @Test
  void theNewlineSearchFindsTheFirstNewlineAtEveryPlaceInAWord() {
    for (int length = 0; length < 20; length++) {
      for (int at = 0; at <= length; at++) {
        byte[] data = new byte[length + 2];
        java.util.Arrays.fill(data, (byte) 0x8A); // '\n' with its high bit set: not a newline
        if (at < length) {
          data[1 + at] = '\n';
          if (at + 1 < length) {
            data[2 + at] = '\n';
          }
        }
        assertThat(LineSplitter.newline(data, 1, 1 + length)).isEqualTo(1 + at);
      }
    }
  }
}
