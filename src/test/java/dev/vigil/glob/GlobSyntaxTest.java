package dev.vigil.glob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobSyntaxTest {
  /** Every name and a sample of odd ones, so the check never refuses what can match. */
  private static final List<String> NAMES =
      List.of(
          "a", "ab", "abc", "a]", "]", "[", "-", "a-b", "\\", "!", "^", ":", "x:]", "[:x", "a/b",
          "1", "A", " ", "é");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*.rs",
        "src/**",
        "[ab]",
        "[!ab]",
        "[^ab]",
        "[]]",
        "[]a]",
        "[!]]",
        "[a-]",
        "[-a]",
        "[a-c-e]",
        "[\\]]",
        "[\\\\]",
        "[[]",
        "[[:]",
        "[[:a]",
        "[[:alpha:]]",
        "[[:digit:][:upper:]]",
        "[a[:space:]b]",
        "\\[",
        "a\\*b",
        "[a-\\]]",
        "[[:alpha:]-z]",
        "[]-a]"
      })
  void wellFormedPatternsPass(String pattern) {
    assertThat(GlobSyntax.check(pattern)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[ab|0",
        "x[|1",
        "[!|0",
        "[]|0",
        "[\\|0",
        "[a-\\|0",
        "[[:alpha:]|0",
        "[[:alpha:|0",
        "a\\|1",
        "ok/[[:words:]]|4",
        "[a][b|3",
      })
  void malformedPatternsAreFoundAtTheirPlace(String pattern, int index) {
    assertThat(GlobSyntax.check(pattern).map(GlobSyntax.Problem::index)).hasValue(index);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[ab", "x[", "[!", "[]", "[\\", "a\\", "[[:alpha:]", "[[:words:]]"})
  void whatTheCheckRefusesNeverMatchesAnything(String pattern) {
    byte[] pat = pattern.getBytes(StandardCharsets.UTF_8);
    for (String name : NAMES) {
      for (String text : List.of(name, pattern, pattern.replace("\\", ""))) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Wildmatch.matches(pat, 0, pat.length, t, 0, t.length, true))
            .as("%s vs %s", pattern, text)
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"!*.log", "!build/", "\\!x", "#x", "a\\ "})
  void ignoreLinesMayNegate(String line) {
    assertThat(GlobSyntax.checkIgnoreLine(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"![ab,1", "build/[,6"})
  void anIgnoreLineIsCheckedAfterItsBang(String line, int index) {
    assertThat(GlobSyntax.checkIgnoreLine(line).map(GlobSyntax.Problem::index)).hasValue(index);
  }
}
