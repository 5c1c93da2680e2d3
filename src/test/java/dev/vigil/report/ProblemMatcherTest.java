package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.diagnostics.DiagnosticParsers;
import dev.vigil.run.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The problem-matcher recipes in docs/editors.md (VS Code's pattern, Neovim's errorformat) read the
 * console line of every parser's diagnostics.
 */
class ProblemMatcherTest {
  private static final Pattern REGEXP = Pattern.compile("\"regexp\": \"(.+)\",");

  @TempDir Path tmp;

  static Stream<Arguments> samples() {
    return Stream.of(
        arguments("cargo-json", "/tmp/samples/demo", "cargo-json/build.jsonl"),
        arguments("cargo-json", "/tmp/samples/lint", "cargo-json/clippy.jsonl"),
        arguments("rustc", "/tmp/samples/demo", "rustc/build-color.txt"),
        arguments("auto", "/tmp/samples/short", "rustc/short.txt"),
        arguments("auto", "/tmp/samples/fmt", "rustfmt/check.txt"),
        arguments("javac", "/tmp/samples/jv", "javac/broken.txt"),
        arguments("maven", "/tmp/samples/jv", "maven/compile.txt"),
        arguments("gcc", "/tmp/samples/gcc", "gcc/main-color.txt"),
        arguments("gcc", "/tmp/samples/gcc", "gcc/link.txt"),
        arguments("clang", "/tmp/samples/gcc", "clang/main.txt"),
        arguments("pytest", "/tmp/samples/py", "pytest/failures.txt"),
        arguments("pytest", "/tmp/samples/py2", "pytest/collect-error.txt"),
        arguments("go", "/tmp/samples/go", "go/build.txt"),
        arguments("go", "/tmp/samples/go", "go/test.txt"));
  }

  @ParameterizedTest
  @MethodSource("samples")
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

  @ParameterizedTest
  @MethodSource("samples")
  void theDocumentedNeovimErrorformatReadsEveryDiagnosticLine(
      String format, String root, String sample) throws Exception {
    assumeTrue(onPath("nvim"), "nvim is not on PATH (Debian's neovim; .ci/run installs it)");
    Matcher efm =
        Pattern.compile("(?m)^set errorformat=(.+)$")
            .matcher(Files.readString(Path.of("docs/editors.md")));
    assertThat(efm.find()).as("docs/editors.md has an errorformat").isTrue();
    List<Diagnostic> found = DiagnosticParsers.parse(format, Path.of(root), lines(sample));
    RunText text = new RunText(Path.of("/state"), new Ansi(false));
    List<String> console = new ArrayList<>();
    console.add("app: run failed in 1.2s (check)");
    found.forEach(d -> console.add(text.diagnostic(d)));
    Path input = tmp.resolve("console.txt");
    Path out = tmp.resolve("qf.json");
    Files.write(input, console);
    Path script = tmp.resolve("efm.vim");
    Files.writeString(
        script,
        "set errorformat="
            + efm.group(1)
            + "\ncgetfile "
            + input
            + "\ncall writefile([json_encode(map(getqflist(), {_, e -> {'valid': e.valid,"
            + " 'file': bufname(e.bufnr), 'lnum': e.lnum, 'type': e.type}}))], '"
            + out
            + "')\nqall!\n");
    Process nvim =
        new ProcessBuilder("nvim", "--headless", "--clean", "-u", "NONE", "-S", script.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("nvim.log").toFile())
            .start();
    assertThat(nvim.waitFor(60, TimeUnit.SECONDS)).as("nvim ended").isTrue();

    JsonNode items = new ObjectMapper().readTree(out.toFile());
    assertThat(items)
        .as("one quickfix entry per diagnostic line, none for the rest")
        .hasSize(found.size());
    for (int i = 0; i < found.size(); i++) {
      Diagnostic d = found.get(i);
      JsonNode item = items.get(i);
      assertThat(item.path("valid").asInt()).as("valid: %s", console.get(i + 1)).isEqualTo(1);
      assertThat(item.path("file").asText()).isEqualTo(d.file());
      assertThat(item.path("lnum").asInt()).isEqualTo(d.line());
      assertThat(item.path("type").asText()).isEqualTo(d.severity().substring(0, 1));
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
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
