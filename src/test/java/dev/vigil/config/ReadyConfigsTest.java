package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadyConfigsTest {
  private static List<Path> readyConfigs() throws IOException {
    try (Stream<Path> files = Files.list(RepoFiles.root().resolve("config"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void everyReadyConfigLoads() throws Exception {
    List<String> loaded = new ArrayList<>();
    for (Path file : readyConfigs()) {
      VigilConfig config = ConfigLoader.load(file);
      assertThat(config.projects()).as(file.toString()).isNotEmpty();
      loaded.add(file.getFileName().toString());
    }

    assertThat(loaded)
        .containsExactly(
            "go.yaml",
            "gradle.yaml",
            "maven.yaml",
            "node.yaml",
            "python.yaml",
            "rust-python.yaml",
            "rust.yaml");
  }

  @Test
  void everyReadyConfigIsCommentedAndRootedWhereItIsCopied() throws Exception {
    for (Path file : readyConfigs()) {
      String text = Files.readString(file);
      assertThat(text).as(file.toString()).startsWith("# vigil config for ").contains("\n#\n");
      for (ProjectConfig p : ConfigLoader.load(file).projects()) {
        assertThat(p.root()).as(file + " " + p.name()).isEqualTo(file.getParent());
      }
    }
  }

  @Test
  void rustConfigChecksTheLockFileAndRetriesNetworkStages() throws Exception {
    ProjectConfig p =
        ConfigLoader.load(RepoFiles.root().resolve("config/rust.yaml")).projects().get(0);

    assertThat(p.stages())
        .extracting(StageConfig::run)
        .containsExactly(
            "cargo fmt --check",
            "cargo clippy --locked --all-targets --message-format=json -- -D warnings",
            "cargo test --locked");
    assertThat(p.stages().get(1).format()).isEqualTo("cargo-json");
    assertThat(p.stages().get(1).retry())
        .isEqualTo(new RetryPolicy(2, true, Duration.ofSeconds(1), List.of()));
    assertThat(p.stages().get(2).retry())
        .isEqualTo(new RetryPolicy(2, true, Duration.ofSeconds(1), List.of()));
  }

  @Test
  void rustPythonConfigChainsTheBindingsAfterTheCrate() throws Exception {
    VigilConfig config = ConfigLoader.load(RepoFiles.root().resolve("config/rust-python.yaml"));

    ProjectConfig bindings = config.project("bindings").orElseThrow();
    assertThat(bindings.after()).containsExactly("core");
    assertThat(bindings.stages())
        .extracting(StageConfig::run)
        .containsExactly("ruff check .", "maturin develop --quiet", "python3 -m pytest -q -x");
  }
}
