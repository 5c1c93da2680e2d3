package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.config.BusyPolicy;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.config.VigilConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchConfigTest {
  @TempDir Path tmp;

  private WatchConfig.Request request(Path dir, List<String> commands) {
    return new WatchConfig.Request(dir, commands, Optional.empty(), List.of(), Optional.empty());
  }

  @Test
  void theCommandsBecomeAChainOfStagesInOrder() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("engine"));
    VigilConfig config =
        WatchConfig.of(
            new WatchConfig.Request(
                dir,
                List.of("cargo check", "cargo test -- --nocapture", "cargo test --doc"),
                Optional.of("100ms"),
                List.of("target/", "*.log"),
                Optional.of("queue")));

    ProjectConfig project = config.projects().get(0);
    assertThat(config.projects()).hasSize(1);
    assertThat(project.name()).isEqualTo("engine");
    assertThat(project.root()).isEqualTo(dir);
    assertThat(project.ignore()).containsExactly("target/", "*.log");
    assertThat(project.debounce()).isEqualTo(Duration.ofMillis(100));
    assertThat(project.onBusy()).isEqualTo(BusyPolicy.QUEUE);
    assertThat(project.runOnStart()).isTrue();
    assertThat(project.stages())
        .extracting(StageConfig::name, StageConfig::run, StageConfig::needs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cargo-check", "cargo check", List.of()),
            org.assertj.core.groups.Tuple.tuple(
                "cargo-test", "cargo test -- --nocapture", List.of("cargo-check")),
            org.assertj.core.groups.Tuple.tuple(
                "cargo-test-2", "cargo test --doc", List.of("cargo-test")));
  }

  @Test
  void stageNamesComeFromTheFirstPlainWords() {
    assertThat(WatchConfig.stageName("./gradlew test --offline")).contains("gradlew-test");
    assertThat(WatchConfig.stageName("RUST_LOG=debug cargo run")).contains("cargo-run");
    assertThat(WatchConfig.stageName("npm run lint -- --fix")).contains("npm-run-lint");
    assertThat(WatchConfig.stageName("go test ./...")).contains("go-test");
    assertThat(WatchConfig.stageName("'quoted thing'")).isEmpty();
  }

  @Test
  void aCommandWithoutPlainWordsIsNamedByItsPlace() throws Exception {
    VigilConfig config = WatchConfig.of(request(tmp, List.of("true", "[ -f x ]")));

    assertThat(config.projects().get(0).stages())
        .extracting(StageConfig::name)
        .containsExactly("true", "stage-2");
  }

  @Test
  void directoryNamesAreMadeIntoValidProjectNames() {
    assertThat(WatchConfig.projectName(Path.of("/src/my project"))).isEqualTo("my-project");
    assertThat(WatchConfig.projectName(Path.of("/src/.dotfiles"))).isEqualTo("watch-dotfiles");
    assertThat(WatchConfig.projectName(Path.of("/"))).isEqualTo("watch");
  }

  @Test
  void aBadDebounceGetsTheConfigValidatorsMessage() {
    UserError e =
        catchThrowableOfType(
            UserError.class,
            () ->
                WatchConfig.of(
                    new WatchConfig.Request(
                        tmp,
                        List.of("make"),
                        Optional.of("10 parsecs"),
                        List.of(),
                        Optional.of("later"))));

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage())
        .contains(
            "`debounce`: `10 parsecs` is not a duration; write a number and a unit (ms, s, m, h)")
        .contains("unknown on_busy `later`; expected one of: restart, queue, skip");
  }

  @Test
  void eachWatchedDirectoryHasItsOwnStateDirUnderWatch() {
    Path state = Path.of("/state");

    Path a = WatchConfig.stateDir(state, Path.of("/src/a/engine"));
    Path b = WatchConfig.stateDir(state, Path.of("/src/b/engine"));

    assertThat(a.getParent()).isEqualTo(state.resolve("watch"));
    assertThat(a.getFileName().toString()).matches("engine-[0-9a-f]{8}");
    assertThat(a).isNotEqualTo(b);
    assertThat(WatchConfig.stateDir(state, Path.of("/src/a/engine"))).isEqualTo(a);
  }
}
