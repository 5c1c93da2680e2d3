package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.diagnostics.DiagnosticParsers;
import dev.vigil.run.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The problem-matcher pattern in docs/editors.md matches the console line of every parser. */
class ProblemMatcherTest {
  private static final Pattern REGEXP = Pattern.compile("\"regexp\": \"(.+)\",");

  @ParameterizedTest
  @CsvSource({
    "cargo-json, /tmp/samples/demo, cargo-json/build.jsonl",
    "cargo-json, /tmp/samples/lint, cargo-json/clippy.jsonl",
    "rustc, /tmp/samples/demo, rustc/build-color.txt",
    "auto, /tmp/samples/short, rustc/short.txt",
    "auto, /tmp/samples/fmt, rustfmt/check.txt",
    "javac, /tmp/samples/jv, javac/broken.txt",
    "maven, /tmp/samples/jv, maven/compile.txt",
    "gcc, /tmp/samples/gcc, gcc/main-color.txt",
    "gcc, /tmp/samples/gcc, gcc/link.txt",
    "clang, /tmp/samples/gcc, clang/main.txt",
    "pytest, /tmp/samples/py, pytest/failures.txt",
    "pytest, /tmp/samples/py2, pytest/collect-error.txt",
    "go, /tmp/samples/go, go/build.txt",
    "go, /tmp/samples/go, go/test.txt",
  })
  void theDocumentedPatternMatchesEveryDiagnosticLine(String format, String root, String sample)
      throws IOException {
    Pattern documented = documentedPattern();
    List<Diagnostic> found = DiagnosticParsers.parse(format, Path.of(root), lines(sample));
    assertThat(found).isNotEmpty();
    RunText text = new RunText(Path.of("/state"), new Ansi(false));
    for (Diagnostic d : found) {
      assertThat(d.line()).as("line of %s", d).isPositive();
      String line = text.diagnostic(d);
      Matcher m = documented.matcher(line);
      assertThat(m.matches()).as("the documented pattern matches %s", line).isTrue();
      assertThat(m.group(1)).isEqualTo(d.file());
      assertThat(m.group(2)).isEqualTo(String.valueOf(d.line()));
      assertThat(m.group(4)).isEqualTo(d.severity());
      assertThat(m.group(5)).doesNotStartWith(d.severity() + "[").doesNotContain("\u001B");
    }
  }

  private static Pattern documentedPattern() throws IOException {
    String doc = Files.readString(Path.of("docs/editors.md"));
    Matcher m = REGEXP.matcher(doc);
    assertThat(m.find()).as("docs/editors.md has a problem matcher regexp").isTrue();
    return Pattern.compile(m.group(1).replace("\\\\", "\\"));
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in =
        ProblemMatcherTest.class.getResourceAsStream("/diagnostics/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
