package dev.vigil.diagnostics;

import static dev.vigil.diagnostics.Samples.d;
import static dev.vigil.diagnostics.Samples.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each format's parser over real recorded output finds exactly what the tool reported. */
class RecordedOutputTest {
  private static final Tuple RUST_MISMATCH =
      d("src/lib.rs", 7, 18, "error", "E0308", "mismatched types: expected `u32`, found `&str`");
  private static final Tuple RUST_UNUSED =
      d("src/lib.rs", 2, 9, "warning", "unused_variables", "unused variable: `unused`");
  private static final Tuple CLIPPY =
      d(
          "src/lib.rs",
          2,
          8,
          "warning",
          "clippy::bool_comparison",
          "equality checks against true are unnecessary");

  private static List<Tuple> view(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Samples::view).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cargo-json", "auto"})
  void cargoJsonBuild(String format) {
    assertThat(view(parse(format, "/tmp/samples/demo", "cargo-json/build.jsonl")))
        .containsExactly(
            d(
                "src/lib.rs",
                7,
                18,
                "error",
                "E0308",
                "mismatched types: expected `u32`, found `&str`"),
            RUST_UNUSED);
  }

  @Test
  void cargoJsonKeepsTheSpanTheOtherPlacesAndTheFixes() {
    List<Diagnostic> found = parse("cargo-json", "/tmp/samples/demo", "cargo-json/build.jsonl");
    Diagnostic mismatch = found.get(0);
    assertThat(List.of(mismatch.endLine(), mismatch.endColumn())).containsExactly(7, 24);
    assertThat(mismatch.related())
        .containsExactly(new Diagnostic.Span("src/lib.rs", 7, 12, 7, 15, "expected due to this"));
    assertThat(mismatch.suggestions()).isEmpty();
    Diagnostic unused = found.get(1);
    assertThat(unused.suggestions())
        .containsExactly(
            new Diagnostic.Suggestion(
                "if this is intentional, prefix it with an underscore",
                List.of(
                    new Diagnostic.Edit(
                        new Diagnostic.Span("src/lib.rs", 2, 9, 2, 15, ""), "_unused"))));
  }

  @Test
  void cargoJsonClippy() {
    List<Diagnostic> found = parse("cargo-json", "/tmp/samples/lint", "cargo-json/clippy.jsonl");
    assertThat(view(found)).containsExactly(CLIPPY);
    assertThat(found.get(0).suggestions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.message()).isEqualTo("try");
              assertThat(s.edits())
                  .containsExactly(
                      new Diagnostic.Edit(
                          new Diagnostic.Span("src/lib.rs", 2, 8, 2, 20, ""), "flag"));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"rustc/build.txt", "rustc/build-color.txt"})
  void rustcHumanOutput(String resource) {
    assertThat(view(parse("rustc", "/tmp/samples/demo", resource)))
        .containsExactly(RUST_MISMATCH, RUST_UNUSED);
    assertThat(view(parse("auto", "/tmp/samples/demo", resource)))
        .containsExactly(RUST_MISMATCH, RUST_UNUSED);
  }

  @Test
  void rustcClippyHumanOutputTakesTheLintAsCode() {
    assertThat(view(parse("auto", "/tmp/samples/lint", "rustc/clippy.txt")))
        .containsExactly(CLIPPY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"javac", "auto"})
  void javac(String format) {
    assertThat(view(parse(format, "/tmp/samples/jv", "javac/broken.txt")))
        .containsExactly(
            d(
                "src/main/java/demo/Broken.java",
                7,
                26,
                "error",
                "",
                "incompatible types: int cannot be converted to String"),
            d(
                "src/main/java/demo/Broken.java",
                8,
                12,
                "error",
                "",
                "cannot find symbol (symbol: method missing(String))"),
            d(
                "src/main/java/demo/Broken.java",
                15,
                5,
                "warning",
                "rawtypes",
                "found raw type: List"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"maven", "auto"})
  void mavenMakesPathsRelativeAndDropsTheRepeatedSummary(String format) {
    assertThat(view(parse(format, "/tmp/samples/jv", "maven/compile.txt")))
        .containsExactly(
            d(
                "src/main/java/demo/Broken.java",
                15,
                5,
                "warning",
                "",
                "found raw type: java.util.List"),
            d(
                "src/main/java/demo/Broken.java",
                7,
                26,
                "error",
                "",
                "incompatible types: int cannot be converted to java.lang.String"),
            d(
                "src/main/java/demo/Broken.java",
                8,
                12,
                "error",
                "",
                "cannot find symbol (symbol: method missing(java.lang.String))"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcc/main.txt", "gcc/main-color.txt"})
  void gcc(String resource) {
    List<Tuple> expected =
        List.of(
            d(
                "main.c",
                5,
                13,
                "warning",
                "-Wint-conversion",
                "initialization of ‘int’ from ‘char *’ makes integer from pointer without a cast"),
            d("main.c", 6, 22, "error", "", "expected ‘;’ before ‘return’"),
            d("main.c", 4, 9, "warning", "-Wunused-variable", "unused variable ‘unused’"));
    assertThat(view(parse("gcc", "/tmp/samples/cc", resource))).containsExactlyElementsOf(expected);
    assertThat(view(parse("auto", "/tmp/samples/cc", resource)))
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcc", "auto"})
  void undefinedReferenceFromTheLinker(String format) {
    assertThat(view(parse(format, "/tmp/samples/cc", "gcc/link.txt")))
        .containsExactly(d("link.c", 1, 0, "error", "", "undefined reference to `missing_fn'"));
  }

  @Test
  void clangTakesTheLastFlagAsCode() {
    assertThat(view(parse("clang", "/tmp/samples/cc", "clang/main.txt")))
        .containsExactly(
            d(
                "main.c",
                5,
                13,
                "warning",
                "-Wint-conversion",
                "incompatible pointer to integer conversion initializing 'int' with an expression"
                    + " of type 'char[5]'"),
            d("main.c", 6, 22, "error", "", "expected ';' after expression"),
            d("main.c", 7, 12, "error", "", "use of undeclared identifier 'y'"),
            d("main.c", 4, 9, "warning", "-Wunused-variable", "unused variable 'unused'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pytest", "auto"})
  void pytestFailures(String format) {
    assertThat(view(parse(format, "/tmp/samples/py", "pytest/failures.txt")))
        .containsExactly(
            d("tests/test_calc.py", 6, 0, "error", "AssertionError", "test_add: assert -1 == 5"),
            d(
                "tests/test_calc.py",
                14,
                0,
                "error",
                "ValueError",
                "test_raises: ValueError: bad input 42"));
  }

  @Test
  void pytestPlacesAFailureInAHelperAtTheTestsOwnLineWithTheFullMessage() {
    assertThat(view(parse("auto", "/tmp/samples/py2", "pytest/helper.txt")))
        .containsExactly(
            d(
                "tests/test_h.py",
                6,
                0,
                "error",
                "ZeroDivisionError",
                "test_div: ZeroDivisionError: integer division or modulo by zero"));
  }

  @Test
  void pytestCollectionErrorPointsAtTheModule() {
    assertThat(view(parse("auto", "/tmp/samples/py2", "pytest/collect-error.txt")))
        .containsExactly(
            d(
                "tests/test_imp.py",
                1,
                0,
                "error",
                "ModuleNotFoundError",
                "ModuleNotFoundError: No module named 'nonexistent_mod'"));
  }

  @Test
  void pytestQuietOutputStillNamesTheFailedTests() {
    assertThat(view(parse("auto", "/tmp/samples/py", "pytest/quiet.txt")))
        .containsExactly(
            d("tests/test_calc.py", 6, 0, "error", "AssertionError", "test_add: assert -1 == 5"),
            d(
                "tests/test_calc.py",
                14,
                0,
                "error",
                "ValueError",
                "test_raises: ValueError: bad input 42"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"go", "auto"})
  void goBuildVetAndTest(String format) {
    assertThat(view(parse(format, "/src/demo", "go/build.txt")))
        .containsExactly(
            d("main.go", 6, 2, "error", "", "undefined: undeclaredFn"),
            d(
                "main.go",
                9,
                9,
                "error",
                "",
                "cannot use \"text\" (untyped string constant) as int value in return statement"));
    assertThat(view(parse(format, "/src/demo", "go/vet.txt")))
        .containsExactly(
            d("main.go", 7, 2, "error", "", "fmt.Printf format %d has arg s of wrong type string"),
            d("util.go", 3, 1, "error", "", "expected declaration, found oops"));
    assertThat(view(parse(format, "/src/demo", "go/test.txt")))
        .containsExactly(d("calc_test.go", 8, 0, "error", "TestAdd", "add(2, 3) = -1, want 5"));
  }

  @Test
  void noneFindsNothing() {
    assertThat(parse("none", "/tmp/samples/cc", "gcc/main.txt")).isEmpty();
  }
}
