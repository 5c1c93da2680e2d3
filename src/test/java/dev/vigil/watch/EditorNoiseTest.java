package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditorNoiseTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        ".Main.java.swp",
        ".Main.java.swo",
        ".Main.java.swx",
        "Main.java.swp",
        "Main.java~",
        "4913",
        "#Main.java#",
        ".#Main.java",
        "Main.java___jb_tmp___",
        "Main.java___jb_old___",
        "Main.java.tmp",
        ".Main.java.tmp.1234",
        "Main.java.crswap",
        ".~lock.report.odt#",
        ".DS_Store",
        "Thumbs.db"
      })
  void editorTemporariesAreNoise(String name) {
    assertThat(EditorNoise.isNoise(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Main.java",
        "Cargo.toml",
        "README.md",
        "#notes",
        "swp",
        "Main.swo",
        "49130",
        ".gitignore",
        "tmp.rs",
        ".file.tmp.x1",
        ""
      })
  void ordinaryFilesAreNotNoise(String name) {
    assertThat(EditorNoise.isNoise(name)).isFalse();
  }
}
