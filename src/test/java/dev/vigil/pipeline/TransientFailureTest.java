package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What cargo, Maven, npm, pip and git print when the network fails is transient; what they print
 * for real errors is not. The fixtures are those tools' own words.
 */
class TransientFailureTest {
  private static final Path FIXTURES = Path.of("src/test/resources/transient");

  static Stream<Path> network() throws IOException {
    return fixtures("network");
  }

  static Stream<Path> real() throws IOException {
    return fixtures("real");
  }

  private static Stream<Path> fixtures(String kind) throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve(kind))) {
      return files.sorted().toList().stream();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("network")
  void networkFailuresOfRealToolsAreTransient(Path fixture) throws IOException {
    String output = read(fixture);

    Optional<String> reason = TransientFailure.reason(output, List.of());

    assertThat(reason).as(fixture.getFileName().toString()).isPresent();
    String shown = reason.get().replace("…", "");
    assertThat(output.lines().map(String::strip)).anyMatch(line -> line.startsWith(shown));
  }

  @ParameterizedTest
  @MethodSource("real")
  void realErrorsOfTheSameToolsAreNot(Path fixture) throws IOException {
    assertThat(TransientFailure.reason(read(fixture), List.of()))
        .as(fixture.getFileName().toString())
        .isEmpty();
  }

  @Test
  void theReasonIsTheFirstLineThatLooksTransient() throws IOException {
    String output = read(FIXTURES.resolve("network/cargo-http2.txt"));

    assertThat(TransientFailure.reason(output, List.of()))
        .contains(
            "warning: spurious network error (2 tries remaining): [16] Error in the HTTP2 framing"
                + " layer");
  }

  @Test
  void extraPatternsOfTheStageCountToo() {
    String output = "error: registry returned HTTP 429 Too Many Requests\n";

    assertThat(TransientFailure.reason(output, List.of())).isEmpty();
    assertThat(TransientFailure.reason(output, List.of("returned http 4\\d\\d")))
        .contains("error: registry returned HTTP 429 Too Many Requests");
  }

  @Test
  void aVeryLongLineIsCutInTheReason() {
    String line = "fatal: Could not resolve host: " + "x".repeat(5000);

    assertThat(TransientFailure.reason(line, List.of()).orElseThrow()).hasSizeLessThan(300);
  }
}
