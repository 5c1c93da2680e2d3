package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void countsWhatTheEncoderWouldWrite() {
    for (String text :
        new String[] {
          "",
          "plain ascii line",
          "caf\u00e9",
          "\u20ac 12",
          "emoji \ud83d\ude00 end",
          "mixed \u00e9\u20ac\ud83d\ude00x"
        }) {
      assertThat(Utf8.length(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void countsALoneSurrogateAsTheThreeBytesOfItsReplacement() {
    assertThat(Utf8.length("a\ud83db")).isEqualTo(1 + 3 + 1);
    assertThat(Utf8.length("\ude00")).isEqualTo(3);
  }
}
