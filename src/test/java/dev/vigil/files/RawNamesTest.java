package dev.vigil.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawNamesTest {
  @TempDir Path dir;

  @Test
  void aNameThatIsNotUtf8KeepsItsBytesAndOpensTheFile() throws Exception {
    sh(
        "mkdir -p \"$(printf 'd\\376')\" && printf raw > \"$(printf 'd\\376/a\\377b"
            + " \\303\\251.txt')\"");
    Path file;
    try (Stream<Path> walk = Files.walk(dir)) {
      file = walk.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    assertThat(file.toString()).contains("\uFFFD"); // what Path.toString() loses

    String name = RawNames.slashed(dir.relativize(file));

    assertThat(RawNames.bytes(name))
        .containsExactly('d', 0xfe, '/', 'a', 0xff, 'b', ' ', 0xc3, 0xa9, '.', 't', 'x', 't');
    assertThat(RawNames.readable(name)).isEqualTo("d\uFFFD/a\uFFFDb é.txt");
    assertThat(Files.readString(RawNames.resolve(dir, name))).isEqualTo("raw");
  }

  @Test
  void namesThatAreUtf8AreLeftAsTheyAreEvenOutsideTheBasicPlane() {
    for (String name : List.of("plain.txt", "é/ü.rs", "emoji-\uD83D\uDCA9.md")) {
      assertThat(RawNames.hasRawBytes(name)).as(name).isFalse();
      assertThat(RawNames.readable(name)).isEqualTo(name);
      assertThat(new String(RawNames.bytes(name), StandardCharsets.UTF_8)).isEqualTo(name);
      assertThat(RawNames.resolve(dir, name)).isEqualTo(dir.resolve(name));
    }
  }

  @Test
  void twoNamesThatDifferInBytesThatAreNotUtf8StayTwoNames() {
    String a = RawNames.decode(new byte[] {'x', (byte) 0xfe});
    String b = RawNames.decode(new byte[] {'x', (byte) 0xff});
    assertThat(a).isNotEqualTo(b);
    assertThat(RawNames.readable(a)).isEqualTo(RawNames.readable(b)).isEqualTo("x\uFFFD");
  }

  private void sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
