package dev.vigil.diagnostics;

import static dev.vigil.diagnostics.Samples.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.run.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticParsersTest {
  private static final Path ROOT = Path.of("/home/dev/engine");

  private static List<Diagnostic> parse(String format, String... lines) {
    return DiagnosticParsers.parse(format, ROOT, List.of(lines));
  }

  @Test
  void absolutePathsUnderTheRootBecomeRelativeAndOthersStayAbsolute() {
    assertThat(
            parse(
                    "gcc",
                    "/home/dev/engine/src/a.c:3:5: error: boom",
                    "/usr/include/stdio.h:10:1: note: declared here",
                    "./src/b.c:4:1: warning: hmm")
                .stream()
                .map(Diagnostic::file))
        .containsExactly("src/a.c", "/usr/include/stdio.h", "src/b.c");
  }

  @Test
  void genericLinesWithAndWithoutSeverityOrColumn() {
    assertThat(
            parse(
                    "generic",
                    "lib/app.rb:12:3: warning: shadowed variable",
                    "lib/app.rb:20: syntax error, unexpected end",
                    "12:30:45: not a path",
                    "In file included from src/engine.h:3,",
                    "[INFO] Finished at: 2026-11-25T23:59:45Z",
                    "Compiling 3 files")
                .stream()
                .map(Samples::view))
        .containsExactly(
            d("lib/app.rb", 12, 3, "warning", "", "shadowed variable"),
            d("lib/app.rb", 20, 0, "error", "", "syntax error, unexpected end"));
  }

  @Test
  void mavenTakesAnErrorProneCheckNameAsCode() {
    assertThat(
            parse(
                    "maven",
                    "[WARNING] /home/dev/engine/src/main/java/a/B.java:[12,5] [MissingOverride] run"
                        + " implements method in Runnable; expected @Override")
                .stream()
                .map(Samples::view))
        .containsExactly(
            d(
                "src/main/java/a/B.java",
                12,
                5,
                "warning",
                "MissingOverride",
                "run implements method in Runnable; expected @Override"));
  }

  @Test
  void autoFallsBackToGenericWhenNoToolIsRecognized() {
    assertThat(
            parse("auto", "checking...", "src/x.lua:7:2: unused local 'y'", "done").stream()
                .map(Samples::view))
        .containsExactly(d("src/x.lua", 7, 2, "error", "", "unused local 'y'"));
  }

  @Test
  void autoKeepsGenericFindingsThatScrolledPastBeforeAToolWasRecognized() {
    String[] lines = new String[AutoParser.HOLD_BACK + 3];
    lines[0] = "src/early.txt:1: something odd";
    for (int i = 1; i < lines.length - 1; i++) {
      lines[i] = "noise " + i;
    }
    lines[lines.length - 1] = "main.c:3:5: error: late [-Wfoo]";
    assertThat(parse("auto", lines).stream().map(Diagnostic::file))
        .containsExactly("src/early.txt", "main.c");
  }

  @Test
  void colourCodesAreStrippedBeforeParsing() {
    assertThat(
            parse(
                "gcc",
                "\u001B[01m\u001B[Ksrc/a.c:3:5:\u001B[m\u001B[K \u001B[01;31merror: \u001B[mbad"))
        .extracting(Diagnostic::file, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("src/a.c", "bad"));
  }

  @Test
  void atMostAThousandDiagnosticsPerStage() {
    DiagnosticParser parser = DiagnosticParsers.parser("gcc", ROOT);
    for (int i = 1; i <= 5000; i++) {
      parser.accept("src/a.c:" + i + ":1: warning: number " + i);
    }
    List<Diagnostic> found = parser.finish();
    assertThat(found).hasSize(DiagnosticParsers.LIMIT);
    assertThat(found.get(0).line()).isEqualTo(1);
    assertThat(found.get(found.size() - 1).line()).isEqualTo(1000);
  }

  @Test
  void exactRepeatsAreReportedOnce() {
    assertThat(parse("gcc", "a.c:1:1: error: x", "a.c:1:1: error: x", "a.c:2:1: error: x"))
        .extracting(Diagnostic::line)
        .containsExactly(1, 2);
  }

  @Test
  void everyDiagnosticIsSeenOnceWithAFingerprint() {
    assertThat(parse("gcc", "a.c:1:1: error: x"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.seen()).isEqualTo(1);
              assertThat(d.fingerprint()).isEqualTo(Fingerprints.fingerprint("a.c", "", "x"));
            });
  }

  @Test
  void blankFormatMeansAutoAndFormatNamesIgnoreCase() {
    assertThat(parse(null, "a.c:1:1: error: x")).hasSize(1);
    assertThat(parse(" GCC ", "a.c:1:1: error: x")).hasSize(1);
  }

  @Test
  void unknownFormatIsRejectedWithTheValueAndTheChoices() {
    assertThatThrownBy(() -> DiagnosticParsers.parser("msbuild", ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'msbuild'")
        .hasMessageContaining("cargo-json");
  }

  @Test
  void brokenJsonLinesAreSkippedAndTheRestStillCounts() {
    String good =
        "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"error\",\"message\":\"bad\","
            + "\"code\":null,\"spans\":[{\"file_name\":\"src/main.rs\",\"line_start\":4,"
            + "\"column_start\":2,\"is_primary\":true}]}}";
    assertThat(parse("cargo-json", "{\"reason\":\"compiler-message\",\"mess", good))
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("src/main.rs", 4, ""));
  }

  @Test
  void rustcErrorsWithoutAPlaceAreKeptButSummariesAreNot() {
    assertThat(
            parse(
                "rustc",
                "error: linker `cc` not found",
                "",
                "error: aborting due to 1 previous error",
                "",
                "warning: `demo` (lib) generated 1 warning"))
        .extracting(Diagnostic::file, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("", "linker `cc` not found"));
  }
}
