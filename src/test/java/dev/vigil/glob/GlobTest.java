package dev.vigil.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  /** What the patterns users write in {@code watch} and {@code when} mean; they keep meaning it. */
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "*.rs, lib.rs, true",
    "*.rs, src/deep/lib.rs, true",
    "*.rs, src/lib.rsx, false",
    "*.py, python/pkg/mod.py, true",
    "*.py, python/pkg/mod.pyi, false",
    "src/**, src/lib.rs, true",
    "src/**, src/a/b/c.rs, true",
    "src/**, tests/a.rs, false",
    "src/**, crates/x/src/lib.rs, false",
    "src/**/*.rs, src/lib.rs, true",
    "src/**/*.rs, src/a/b/lib.rs, true",
    "src/**/*.rs, src/a/b/lib.py, false",
    "src/**/*.rs, crates/x/src/lib.rs, false",
    "**/*.rs, lib.rs, true",
    "**/*.rs, a/b/lib.rs, true",
    "**/target/**, target/debug/app, true",
    "**/target/**, crates/x/target/debug/app, true",
    "**/target/**, src/target.rs, false",
    "**/Cargo.toml, Cargo.toml, true",
    "**/Cargo.toml, crates/core/Cargo.toml, true",
    "Cargo.toml, Cargo.toml, true",
    "Cargo.toml, crates/core/Cargo.toml, true",
    "Cargo.toml, Cargo.toml.orig, false",
    "/Cargo.toml, Cargo.toml, true",
    "/Cargo.toml, crates/core/Cargo.toml, false",
    "src/*.rs, src/lib.rs, true",
    "src/*.rs, src/a/lib.rs, false",
    "src/, src/a/lib.rs, true",
    "src/, lib/src.rs, false",
    "tests/, crates/x/tests/t.rs, true",
    "crates/core/, crates/core/src/lib.rs, true",
    "crates/core/, other/crates/core/src/lib.rs, false",
    "**, any/file.txt, true",
    "*, any/file.txt, true",
    "file?.txt, file1.txt, true",
    "file?.txt, file12.txt, false",
    "[ab].py, a.py, true",
    "[!ab].py, a.py, false",
    "[!ab].py, c.py, true",
    "[a-c].py, b.py, true",
    "a/**/b.txt, a/b.txt, true",
    "a/**/b.txt, a/x/y/b.txt, true",
    "pyproject.toml, python/pyproject.toml, true",
    "docs/*.md, docs/guide.md, true",
    "docs/*.md, docs/old/guide.md, false",
    "\\*.rs, *.rs, true",
    "\\*.rs, lib.rs, false",
  })
  void matchesLikeAUserExpects(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }

  /** Where the old glob dialect differed from git's, the pattern now means what git means. */
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    // a name without a slash matches a directory too, and so every file below it
    "src, src/lib.rs, true",
    "target, crates/x/target/debug/app, true",
    // a pattern that matches a directory selects what is in it
    "src/*, src/a/lib.rs, true",
    "*.rs, gen.rs/notes.txt, true",
    // ** is special only as a whole path segment; elsewhere it is a *
    "src/**.rs, src/lib.rs, true",
    "src/**.rs, src/a/lib.rs, false",
    "a**b, a/x/b, false",
    // POSIX classes
    "[[:digit:]]*.log, 1.log, true",
    "[[:digit:]]*.log, a.log, false",
    "[[:upper:]]*.md, README.md, true",
    // a ] first in a class is a member, and ^ negates as ! does
    "[]a].txt, ].txt, true",
    "[^ab].py, c.py, true",
    "[^ab].py, a.py, false",
    // a class never matches the separator
    "a[/]b, a/b, false",
  })
  void meansWhatGitMeans(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }

  @Test
  void aPatternThatCouldNeverMatchIsRefused() {
    assertThat(Glob.problem("src/[ab.rs").map(GlobSyntax.Problem::index)).hasValue(4);
    assertThat(Glob.problem("lib\\").map(GlobSyntax.Problem::index)).hasValue(3);
    assertThat(Glob.problem("lib\\\\")).isEmpty();
    assertThat(Glob.problem("[[:word:]].rs").map(GlobSyntax.Problem::message))
        .hasValueSatisfying(m -> assertThat(m).contains("`[:word:]`").contains("alpha"));
    assertThat(Glob.problem("")).isPresent();
    assertThat(Glob.problem("/")).isPresent();
    assertThatThrownBy(() -> Glob.of("src/[ab.rs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("src/[ab.rs");
  }

  @Test
  void negationIsForIgnoreOnly() {
    assertThat(Glob.problem("!target/**").map(GlobSyntax.Problem::message))
        .hasValueSatisfying(m -> assertThat(m).contains("ignore:"));
    assertThat(Glob.of("\\!notes.md").matches("docs/!notes.md")).isTrue();
  }
}
