package dev.vigil.diagnostics;

import static dev.vigil.diagnostics.Samples.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.run.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real tools, when installed, and checks the parsers find the known problems. */
class RealToolsTest {
  @TempDir Path root;

  private List<Diagnostic> parse(String format, List<String> lines) {
    return DiagnosticParsers.parse(format, root, lines);
  }

  @Test
  void javacErrorIsFoundAtItsLineAndColumn() throws Exception {
    assumeTrue(RealTools.onPath("javac"), "javac is not on PATH");
    Path source = root.resolve("src/demo/Broken.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source, "package demo;\n\nclass Broken {\n  int size() {\n    return \"text\";\n  }\n}\n");
    List<String> out =
        RealTools.run(
            root, List.of("javac", "-d", root.resolve("out").toString(), source.toString()));

    for (String format : List.of("javac", "auto")) {
      assertThat(parse(format, out).stream().map(Samples::view))
          .containsExactly(
              d(
                  "src/demo/Broken.java",
                  5,
                  12,
                  "error",
                  "",
                  "incompatible types: String cannot be converted to int"));
    }
  }

  @Test
  void gccErrorAndWarningAreFound() throws Exception {
    assumeTrue(RealTools.onPath("gcc"), "gcc is not on PATH");
    Files.writeString(
        root.resolve("main.c"), "int main(void) {\n  int unused;\n  return missing;\n}\n");
    List<String> out =
        RealTools.run(
            root,
            List.of("gcc", "-Wall", "-fdiagnostics-color=always", "-c", "main.c", "-o", "main.o"));

    for (String format : List.of("gcc", "auto")) {
      assertThat(parse(format, out))
          .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity)
          .contains(
              org.assertj.core.groups.Tuple.tuple("main.c", 3, 10, "error"),
              org.assertj.core.groups.Tuple.tuple("main.c", 2, 7, "warning"));
    }
  }

  @Test
  void cargoJsonTypeErrorIsFoundOffline() throws Exception {
    assumeTrue(RealTools.onPath("cargo"), "cargo is not on PATH");
    Files.createDirectories(root.resolve("src"));
    Files.writeString(
        root.resolve("Cargo.toml"),
        "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
    Files.writeString(
        root.resolve("src/lib.rs"), "pub fn f() -> u32 {\n    let s: u32 = \"text\";\n    s\n}\n");
    List<String> out =
        RealTools.run(root, List.of("cargo", "build", "--offline", "--message-format=json"));

    for (String format : List.of("cargo-json", "auto")) {
      assertThat(parse(format, out).stream().map(Samples::view))
          .containsExactly(
              d(
                  "src/lib.rs",
                  2,
                  18,
                  "error",
                  "E0308",
                  "mismatched types: expected `u32`, found `&str`"));
    }
  }

  @Test
  void rustcHumanOutputIsFound() throws Exception {
    assumeTrue(RealTools.onPath("rustc"), "rustc is not on PATH");
    Files.writeString(root.resolve("lib.rs"), "pub fn f() -> u32 {\n    \"text\"\n}\n");
    List<String> out =
        RealTools.run(
            root,
            List.of("rustc", "--crate-type=lib", "--edition=2021", "--out-dir", "out", "lib.rs"));

    assertThat(parse("auto", out).stream().map(Samples::view))
        .containsExactly(
            d("lib.rs", 2, 5, "error", "E0308", "mismatched types: expected `u32`, found `&str`"));
  }

  @Test
  void pytestFailureIsFoundAtTheAssertion() throws Exception {
    assumeTrue(pytestInstalled(), "pytest is not installed");
    Files.createDirectories(root.resolve("tests"));
    Files.writeString(
        root.resolve("tests/test_probe.py"), "def test_probe():\n    x = 1\n    assert x == 2\n");
    List<String> out =
        RealTools.run(root, List.of("python3", "-m", "pytest", "-p", "no:cacheprovider", "tests"));

    assertThat(parse("auto", out).stream().map(Samples::view))
        .containsExactly(
            d("tests/test_probe.py", 3, 0, "error", "AssertionError", "test_probe: assert 1 == 2"));
  }

  private boolean pytestInstalled() throws Exception {
    if (!RealTools.onPath("python3")) {
      return false;
    }
    List<String> out = RealTools.run(root, List.of("python3", "-m", "pytest", "--version"));
    return out.stream().anyMatch(l -> l.startsWith("pytest "));
  }
}
