package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

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
}
