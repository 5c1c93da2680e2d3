package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parser given the output's lines as bytes finds what it finds given them as text, and shows the
 * same readable tail: for every recorded tool output under every format that could be set for it,
 * and for floods of lines no parser has a use for, with a diagnostic at their end.
 */
class ParserBytesTest {
  private static final Path ROOT = Path.of("/tmp/samples/demo");

  record Parsed(List<Diagnostic> diagnostics, String text) {}

  private static Parsed asText(String format, List<byte[]> lines) {
    DiagnosticParser parser = DiagnosticParsers.parser(format, ROOT);
    for (byte[] line : lines) {
      parser.accept(new String(line, StandardCharsets.UTF_8));
    }
    return new Parsed(parser.finish(), parser.text());
  }

  private static Parsed asBytes(String format, List<byte[]> lines) {
    DiagnosticParser parser = DiagnosticParsers.parser(format, ROOT);
    for (byte[] line : lines) {
      // each line inside a larger array, as a read's lines come
      byte[] padded = new byte[line.length + 4];
      System.arraycopy(line, 0, padded, 2, line.length);
      parser.accept(padded, 2, 2 + line.length);
    }
    return new Parsed(parser.finish(), parser.text());
  }

  static Stream<Arguments> recorded() throws IOException, URISyntaxException {
    Path dir = Path.of(ParserBytesTest.class.getResource("/diagnostics").toURI());
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files.filter(f -> !f.getParent().equals(dir) && Files.isRegularFile(f)).toList()) {
        String folder = file.getParent().getFileName().toString();
        String own = folder.equals("rustfmt") ? "rustc" : folder; // rustc's parser reads rustfmt
        for (String format : List.of("auto", "generic", "none", own)) {
          cases.add(Arguments.of(format, dir.relativize(file).toString()));
        }
      }
    }
    return cases.stream();
  }

  private static List<byte[]> lines(String resource) throws IOException, URISyntaxException {
    Path file = Path.of(ParserBytesTest.class.getResource("/diagnostics/" + resource).toURI());
    String text = Files.readString(file);
    return text.lines().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @ParameterizedTest(name = "{1} as {0}")
  @MethodSource("recorded")
  void recordedToolOutputParsesAlikeFromBytes(String format, String resource) throws Exception {
    List<byte[]> lines = lines(resource);
    Parsed text = asText(format, lines);

    Parsed bytes = asBytes(format, lines);

    assertThat(bytes.diagnostics()).isEqualTo(text.diagnostics());
    assertThat(bytes.text()).isEqualTo(text.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "generic", "gcc", "cargo-json", "none"})
  void aFloodOfPlainLinesThenADiagnosticParsesAlikeFromBytes(String format) throws Exception {
    List<byte[]> lines = new ArrayList<>();
    Random random = new Random(format.hashCode());
    for (int i = 0; i < 20_000; i++) {
      lines.add(floodLine(random, i));
    }
    lines.addAll(lines("gcc/main.txt"));
    lines.addAll(lines("cargo-json/build.jsonl"));
    for (int i = 0; i < 300; i++) {
      lines.add(floodLine(random, i));
    }
    Parsed text = asText(format, lines);

    Parsed bytes = asBytes(format, lines);

    assertThat(bytes.diagnostics()).isEqualTo(text.diagnostics());
    assertThat(bytes.text()).isEqualTo(text.text());
    if (format.equals("auto") || format.equals("gcc")) {
      assertThat(bytes.diagnostics()).isNotEmpty();
    }
  }

  @Test
  void aLineLongerThanTheTailIsCutAlikeFromBytes() {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    for (int i = 0; i < RenderedTail.LIMIT_BYTES / 3 + 10; i++) {
      big.writeBytes("\u20ac".getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> lines = List.of("before".getBytes(StandardCharsets.UTF_8), big.toByteArray());

    assertThat(asBytes("auto", lines)).isEqualTo(asText("auto", lines));
    assertThat(asBytes("auto", lines).text())
        .hasSize("before\n".length() + RenderedTail.LIMIT_BYTES / 4 + 1);
  }

  private static byte[] floodLine(Random random, int i) {
    String text =
        switch (random.nextInt(12)) {
          case 0 -> "\u001B[32mok\u001B[0m " + i;
          case 1 -> "=== " + i;
          case 2 -> "caf\u00e9 " + i;
          case 3 -> "{\"not\" 1}";
          case 4 -> "";
          default -> "0".repeat(random.nextInt(120)) + i;
        };
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0 && random.nextInt(50) == 0) {
      bytes[0] = (byte) 0xff; // not UTF-8
    }
    return bytes;
  }
}
