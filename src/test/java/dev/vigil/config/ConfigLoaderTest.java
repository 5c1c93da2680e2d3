package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void readsTheDesignExampleWithEveryStageSetting() throws Exception {
    Files.createDirectories(dir.resolve("engine"));
    Files.createDirectories(dir.resolve("bot"));
    VigilConfig config =
        ConfigLoader.load(
            fixture.write(
                "conf/vigil.yaml",
                """
                version: 1
                max_parallel_runs: 3
                defaults: {debounce: 20ms, max_wait: 2s, on_busy: restart, timeout: 10m}
                projects:
                  - name: engine
                    root: ../engine
                    watch: ["**/*.rs", Cargo.toml]
                    ignore: [target/]
                    stages:
                      - {name: fmt, run: cargo fmt --check}
                      - {name: clippy, run: cargo clippy --message-format=json -- -D warnings,
                         format: cargo-json, needs: [fmt]}
                      - {name: test, run: cargo test, needs: [clippy], when: ["src/**", "tests/**"],
                         timeout: 5m, retry: {attempts: 2, for: transient}, env: {RUST_BACKTRACE: "1"}}
                  - name: bindings
                    root: ../bot
                    after: [engine]
                    stages:
                      - {name: lint, run: "ruff check {changed}"}
                      - {name: test, run: pytest -q, needs: [lint]}
                """));

    assertThat(config.file()).contains(dir.resolve("conf/vigil.yaml"));
    assertThat(config.maxParallelRuns()).isEqualTo(3);
    ProjectConfig engine = config.project("engine").orElseThrow();
    assertThat(engine.root()).isEqualTo(dir.resolve("engine").toAbsolutePath());
    assertThat(engine.watch()).containsExactly("**/*.rs", "Cargo.toml");
    assertThat(engine.ignore()).containsExactly("target/");
    assertThat(engine.stages())
        .extracting(StageConfig::name)
        .containsExactly("fmt", "clippy", "test");
    StageConfig clippy = engine.stages().get(1);
    assertThat(clippy.run()).isEqualTo("cargo clippy --message-format=json -- -D warnings");
    assertThat(clippy.format()).isEqualTo("cargo-json");
    assertThat(clippy.needs()).containsExactly("fmt");
    StageConfig test = engine.stages().get(2);
    assertThat(test.when()).containsExactly("src/**", "tests/**");
    assertThat(test.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(test.retry()).isEqualTo(new RetryPolicy(2, true, Duration.ofSeconds(1), List.of()));
    assertThat(test.env()).isEqualTo(Map.of("RUST_BACKTRACE", "1"));
    ProjectConfig bindings = config.project("bindings").orElseThrow();
    assertThat(bindings.after()).containsExactly("engine");
    assertThat(bindings.stages().get(0).run()).isEqualTo("ruff check {changed}");
  }

  @Test
  void appliesBuiltInDefaultsWhenNothingIsSet() throws Exception {
    VigilConfig config = fixture.load("projects:\n  - {name: p, stages: [{name: s, run: make}]}\n");

    assertThat(config.maxParallelRuns()).isEqualTo(Runtime.getRuntime().availableProcessors());
    ProjectConfig p = config.projects().get(0);
    assertThat(p.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(p.watch()).isEmpty();
    assertThat(p.ignore()).isEmpty();
    assertThat(p.after()).isEmpty();
    assertThat(p.debounce()).isEqualTo(Duration.ofMillis(20));
    assertThat(p.maxWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.onBusy()).isEqualTo(BusyPolicy.RESTART);
    assertThat(p.runOnStart()).isTrue();
    StageConfig s = p.stages().get(0);
    assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.killGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.retry()).isEqualTo(RetryPolicy.NONE);
    assertThat(s.format()).isEqualTo("auto");
    assertThat(s.needs()).isEmpty();
    assertThat(s.when()).isEmpty();
    assertThat(s.env()).isEmpty();
  }

  @Test
  void inheritsFromDefaultsThenProjectThenStage() throws Exception {
    VigilConfig config =
        fixture.load(
            """
            defaults:
              debounce: 50ms
              max_wait: 1.5s
              on_busy: queue
              timeout: 1h
              kill_grace: 2s
              run_on_start: false
            projects:
              - name: inherits
                stages:
                  - {name: s, run: make}
              - name: overrides
                debounce: 100ms
                on_busy: skip
                timeout: 3m
                run_on_start: true
                stages:
                  - {name: project-timeout, run: make}
                  - {name: own-timeout, run: make, timeout: 30s, kill_grace: 250ms}
            """);

    ProjectConfig inherits = config.project("inherits").orElseThrow();
    assertThat(inherits.debounce()).isEqualTo(Duration.ofMillis(50));
    assertThat(inherits.maxWait()).isEqualTo(Duration.ofMillis(1500));
    assertThat(inherits.onBusy()).isEqualTo(BusyPolicy.QUEUE);
    assertThat(inherits.runOnStart()).isFalse();
    assertThat(inherits.stages().get(0).timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(inherits.stages().get(0).killGrace()).isEqualTo(Duration.ofSeconds(2));

    ProjectConfig overrides = config.project("overrides").orElseThrow();
    assertThat(overrides.debounce()).isEqualTo(Duration.ofMillis(100));
    assertThat(overrides.maxWait()).isEqualTo(Duration.ofMillis(1500));
    assertThat(overrides.onBusy()).isEqualTo(BusyPolicy.SKIP);
    assertThat(overrides.runOnStart()).isTrue();
    assertThat(overrides.stages().get(0).timeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(overrides.stages().get(0).killGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(overrides.stages().get(1).timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(overrides.stages().get(1).killGrace()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void resolvesRootRelativeToTheConfigFileNotTheWorkingDirectory() throws Exception {
    Files.createDirectories(dir.resolve("src/app"));
    VigilConfig config =
        ConfigLoader.load(
            fixture.write(
                "etc/vigil/vigil.yaml",
                """
                projects:
                  - {name: app, root: ../../src/./app, stages: [{name: s, run: make}]}
                  - {name: here, stages: [{name: s, run: make}]}
                """));

    assertThat(config.project("app").orElseThrow().root())
        .isEqualTo(dir.resolve("src/app").toAbsolutePath())
        .isAbsolute();
    assertThat(config.project("here").orElseThrow().root())
        .isEqualTo(dir.resolve("etc/vigil").toAbsolutePath());
  }

  @Test
  void acceptsAbsoluteRoot() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    VigilConfig config =
        fixture.load(
            "projects:\n  - {name: p, root: '"
                + elsewhere
                + "', stages: [{name: s, run: make}]}\n");

    assertThat(config.projects().get(0).root()).isEqualTo(elsewhere.toAbsolutePath());
  }

  @Test
  void takesASingleStringWhereAListIsExpected() throws Exception {
    VigilConfig config =
        fixture.load(
            """
            projects:
              - name: p
                watch: "src/**"
                ignore: target/
                stages:
                  - {name: fmt, run: make fmt}
                  - {name: test, run: make test, needs: fmt, when: "src/**"}
              - {name: q, after: p, stages: [{name: s, run: make}]}
            """);

    ProjectConfig p = config.project("p").orElseThrow();
    assertThat(p.watch()).containsExactly("src/**");
    assertThat(p.ignore()).containsExactly("target/");
    assertThat(p.stages().get(1).needs()).containsExactly("fmt");
    assertThat(p.stages().get(1).when()).containsExactly("src/**");
    assertThat(config.project("q").orElseThrow().after()).containsExactly("p");
  }

  @Test
  void turnsScalarEnvValuesIntoStrings() throws Exception {
    VigilConfig config =
        fixture.load(
            """
            projects:
              - name: p
                stages:
                  - name: s
                    run: make
                    env: {THREADS: 4, RATIO: 0.5, VERBOSE: true, NAME: plain}
            """);

    assertThat(config.projects().get(0).stages().get(0).env())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("THREADS", "4", "RATIO", "0.5", "VERBOSE", "true", "NAME", "plain"));
  }

  @Test
  void retryForAnyAndDefaultAttempts() throws Exception {
    VigilConfig config =
        fixture.load(
            """
            projects:
              - name: p
                stages:
                  - {name: a, run: make, retry: {attempts: 3, for: any}}
                  - {name: b, run: make, retry: {for: transient}}
            """);

    List<StageConfig> stages = config.projects().get(0).stages();
    assertThat(stages.get(0).retry()).isEqualTo(new RetryPolicy(3, false, SECOND, List.of()));
    assertThat(stages.get(1).retry()).isEqualTo(new RetryPolicy(2, true, SECOND, List.of()));
  }

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void retryBackoffAndTransientPatternsAndKeepBackground() throws Exception {
    VigilConfig config =
        fixture.load(
            """
            projects:
              - name: p
                stages:
                  - name: a
                    run: make
                    keep_background: true
                    retry: {attempts: 4, backoff: 250ms, transient_patterns: ["HTTP 429", "lock .* held"]}
                  - {name: b, run: make}
            """);

    List<StageConfig> stages = config.projects().get(0).stages();
    RetryPolicy retry = stages.get(0).retry();
    assertThat(retry)
        .isEqualTo(
            new RetryPolicy(4, true, Duration.ofMillis(250), List.of("HTTP 429", "lock .* held")));
    assertThat(retry.waitBefore(2)).isEqualTo(Duration.ofMillis(250));
    assertThat(retry.waitBefore(4)).isEqualTo(Duration.ofMillis(1000));
    assertThat(new RetryPolicy(60, true, SECOND, List.of()).waitBefore(40))
        .isEqualTo(RetryPolicy.MAX_BACKOFF);
    assertThat(stages.get(0).keepBackground()).isTrue();
    assertThat(stages.get(1).keepBackground()).isFalse();
  }

  @Test
  void readsJsonByExtension() throws Exception {
    VigilConfig config =
        ConfigLoader.load(
            fixture.write(
                "vigil.json",
                """
                {"version": 1,
                 "defaults": {"on_busy": "queue"},
                 "projects": [{"name": "p", "stages": [
                   {"name": "a", "run": "make", "timeout": "2s"},
                   {"name": "b", "run": "make test", "needs": ["a"]}]}]}
                """));

    ProjectConfig p = config.projects().get(0);
    assertThat(p.onBusy()).isEqualTo(BusyPolicy.QUEUE);
    assertThat(p.stages().get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.stages().get(1).needs()).containsExactly("a");
  }

  @Test
  void readsJsonTextInAYamlNamedFile() throws Exception {
    VigilConfig config =
        fixture.load(
            "  {\"projects\": [{\"name\": \"p\", \"stages\": [{\"name\": \"a\", \"run\": \"make\"}]}]}");

    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly("p");
  }

  @Test
  void parseUsesTheGivenFileForRootAndMessages() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    VigilConfig config =
        ConfigLoader.parse(
            sub.resolve("virtual.yaml"), "projects: [{name: p, stages: [{name: s, run: make}]}]");

    assertThat(config.file()).contains(sub.resolve("virtual.yaml"));
    assertThat(config.projects().get(0).root()).isEqualTo(sub.toAbsolutePath());
  }
}
