package dev.vigil.diagnostics;

import static dev.vigil.diagnostics.Samples.d;
import static dev.vigil.diagnostics.Samples.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a diagnostic tells a reader: the whole message, notes, help, the tool's own text. */
class ReadableDiagnosticsTest {

  @Test
  void cargoJsonCarriesTheNotesAndHelpAndTheRenderedTextWithoutColour() {
    List<Diagnostic> found = parse("cargo-json", "/tmp/samples/demo", "cargo-json/build.jsonl");
    Diagnostic mismatch = found.get(0);
    assertThat(mismatch.rendered())
        .startsWith("error[E0308]: mismatched types\n --> src/lib.rs:7:18\n")
        .contains("expected `u32`, found `&str`")
        .doesNotContain("\u001B");
    Diagnostic unused = found.get(1);
    assertThat(unused.notes())
        .containsExactly(
            "note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default",
            "help: if this is intentional, prefix it with an underscore");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rustc/build.txt", "rustc/build-color.txt"})
  void rustcHumanOutputJoinsThePrimaryLabelAndKeepsNotesAndText(String resource) {
    for (String format : List.of("rustc", "auto")) {
      List<Diagnostic> found = parse(format, "/tmp/samples/demo", resource);
      assertThat(found.get(0).message())
          .isEqualTo("mismatched types: expected `u32`, found `&str`");
      assertThat(found.get(0).rendered())
          .startsWith("error[E0308]: mismatched types\n --> src/lib.rs:7:18\n")
          .endsWith("|            expected due to this")
          .doesNotContain("\u001B");
      assertThat(found.get(1).notes())
          .containsExactly(
              "help: if this is intentional, prefix it with an underscore: `_unused`",
              "note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rustc", "auto"})
  void shortMessageFormatKeepsTheCodeWithoutADoubledPrefix(String format) {
    assertThat(parse(format, "/tmp/samples/short", "rustc/short.txt").stream().map(Samples::view))
        .containsExactly(
            d(
                "src/lib.rs",
                2,
                18,
                "error",
                "E0308",
                "mismatched types: expected `i32`, found `&str`"),
            d(
                "src/lib.rs",
                2,
                9,
                "warning",
                "",
                "unused variable: `unused`: help: if this is intentional, prefix it with an"
                    + " underscore: `_unused`"),
            d(
                "src/lib.rs",
                3,
                8,
                "warning",
                "",
                "equality checks against true are unnecessary: help: try: `flag`"));
  }

  @Test
  void genericFormatReadsACodeAfterTheSeverity() {
    assertThat(
            parse("generic", "/tmp/samples/short", "rustc/short.txt").stream()
                .map(Samples::view)
                .limit(1))
        .containsExactly(
            d(
                "src/lib.rs",
                2,
                18,
                "error",
                "E0308",
                "mismatched types: expected `i32`, found `&str`"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rustc", "auto"})
  void rustfmtCheckGivesOneErrorPerHunkAtItsFirstChangedLine(String format) {
    List<Diagnostic> found = parse(format, "/tmp/samples/fmt", "rustfmt/check.txt");
    assertThat(found.stream().map(Samples::view))
        .containsExactly(
            d("src/lib.rs", 1, 0, "error", "rustfmt", RustfmtHunks.MESSAGE),
            d("src/lib.rs", 13, 0, "error", "rustfmt", RustfmtHunks.MESSAGE),
            d("src/util/mod.rs", 1, 0, "error", "rustfmt", RustfmtHunks.MESSAGE));
    assertThat(found.get(1).rendered())
        .isEqualTo(
            String.join(
                "\n",
                "Diff in /tmp/samples/fmt/src/lib.rs:10:",
                "     2",
                " }",
                " ",
                "-pub struct Point { pub x: i32, pub y: i32 }",
                "+pub struct Point {",
                "+    pub x: i32,",
                "+    pub y: i32,",
                "+}",
                " ",
                " pub fn three() -> u64 {",
                "     3"));
  }

  @Test
  void colourAndCharacterSetEscapesAreRemovedFromWhatIsStored() {
    assertThat(AnsiCodes.strip("\u001B[31m-pub fn f( ) {}\u001B(B\u001B[m"))
        .isEqualTo("-pub fn f( ) {}");
  }

  @Test
  void aDiagnosticThatNamesAFileWithoutALineIsAtItsFirstLine() {
    assertThat(parse("gcc", "/tmp/samples/gcc", "gcc/link.txt").stream().map(Samples::view))
        .containsExactly(d("link.c", 1, 0, "error", "", "undefined reference to `missing_fn'"));
  }
}
