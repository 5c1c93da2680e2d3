package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "*.rs, lib.rs, true",
    "*.rs, src/deep/lib.rs, true",
    "*.rs, src/lib.rsx, false",
    "src/**, src/lib.rs, true",
    "src/**, src/a/b/c.rs, true",
    "src/**, tests/a.rs, false",
    "**/*.rs, lib.rs, true",
    "**/*.rs, a/b/lib.rs, true",
    "Cargo.toml, Cargo.toml, true",
    "Cargo.toml, crates/core/Cargo.toml, true",
    "/Cargo.toml, crates/core/Cargo.toml, false",
    "src/*.rs, src/lib.rs, true",
    "src/*.rs, src/a/lib.rs, false",
    "src/, src/a/lib.rs, true",
    "tests/, crates/x/tests/t.rs, true",
    "file?.txt, file1.txt, true",
    "file?.txt, file12.txt, false",
    "[ab].py, a.py, true",
    "[!ab].py, a.py, false",
    "[!ab].py, c.py, true",
    "a/**/b.txt, a/b.txt, true",
    "a/**/b.txt, a/x/y/b.txt, true",
  })
  void matchesLikeAUserExpects(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }
}
