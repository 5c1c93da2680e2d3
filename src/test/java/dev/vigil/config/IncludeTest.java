package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user config's {@code include:}: project configs by path or glob, each read on its own. */
class IncludeTest {
  @TempDir Path dir;
  ConfigFixture fixture;
  Map<String, String> env;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
    env = Map.of("HOME", dir.resolve("home").toString());
  }

  private Path project(String relDir, String name, String extra) {
    return fixture.write(
        relDir + "/vigil.yaml",
        """
        version: 1
        %s
        projects:
          - name: %s
            stages:
              - {name: check, run: "true"}
        """
            .formatted(extra, name));
  }

  @Test
  void pathsAndGlobsAreIncludedAndEachRootStaysRelativeToItsOwnFile() throws Exception {
    project("src/engine", "engine", "");
    project("src/bot", "bot", "");
    project("other/web", "web", "");
    Path user =
        fixture.write(
            "home/.config/vigil/vigil.yaml",
            """
            version: 1
            include:
              - ../../../other/web/vigil.yaml
              - %s/src/*/vigil.yaml
            """
                .formatted(dir));

    VigilConfig config = ConfigLoader.load(user, env);

    assertThat(config.projects())
        .extracting(ProjectConfig::name)
        .containsExactly("web", "bot", "engine");
    assertThat(config.project("engine").orElseThrow().root()).isEqualTo(dir.resolve("src/engine"));
    assertThat(config.project("web").orElseThrow().root()).isEqualTo(dir.resolve("other/web"));
  }

  @Test
  void aTildeIsTheHomeFromTheEnvironment() throws Exception {
    project("home/src/engine", "engine", "");
    Path user = fixture.write("user.yaml", "include: [\"~/src/*/vigil.yaml\"]\n");

    assertThat(ConfigLoader.load(user, env).projects())
        .extracting(ProjectConfig::root)
        .containsExactly(dir.resolve("home/src/engine"));
  }

  @Test
  void theUserDefaultsApplyUnderTheIncludedFilesOwnDefaults() throws Exception {
    project("a", "a", "");
    project("b", "b", "defaults: {debounce: 70ms}");
    Path user =
        fixture.write(
            "user.yaml",
            """
            defaults: {debounce: 300ms, on_busy: queue}
            include: [a/vigil.yaml, b/vigil.yaml]
            """);

    VigilConfig config = ConfigLoader.load(user, env);

    assertThat(config.project("a").orElseThrow().debounce()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.project("b").orElseThrow().debounce()).isEqualTo(Duration.ofMillis(70));
    assertThat(config.project("b").orElseThrow().onBusy()).isEqualTo(BusyPolicy.QUEUE);
  }

  @Test
  void anEmptyIncludeListIsAValidUserConfigWithoutProjects() throws Exception {
    Path user = fixture.write("user.yaml", "version: 1\ninclude: []\n");

    assertThat(ConfigLoader.load(user, env).projects()).isEmpty();
  }

  @Test
  void aProjectNameInTwoIncludedFilesIsAnErrorNamingBoth() throws Exception {
    Path first = project("a", "app", "");
    Path second = project("b", "app", "");
    Path user = fixture.write("user.yaml", "include: [a/vigil.yaml, b/vigil.yaml]\n");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(user, env));

    assertThat(e.getMessage())
        .startsWith(second + ":4:11: project `app` is already defined in " + first + ":4:11");
  }

  @Test
  void aBrokenIncludedFileIsReportedAtItsOwnLineAndTheOthersStillLoad() throws Exception {
    project("a", "a", "");
    Path broken =
        fixture.write(
            "b/vigil.yaml",
            "projects:\n  - name: b\n    stages: [{name: s, run: x}]\n    debounse: 1s\n");
    Path user = fixture.write("user.yaml", "include: [a/vigil.yaml, b/vigil.yaml]\n");

    LoadedConfig loaded = ConfigLoader.loadLenient(user, env, Map.of());

    assertThat(loaded.config().projects()).extracting(ProjectConfig::name).containsExactly("a");
    assertThat(loaded.problems()).isNotEmpty();
    assertThat(loaded.problems().get(0).toString())
        .startsWith(broken + ":4:5: unknown key `debounse`");
    ConfigException strict =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(user, env));
    assertThat(strict.getMessage()).contains(broken + ":4:5:");
  }

  @Test
  void aBrokenIncludedFileKeepsItsLastGoodProjects() throws Exception {
    project("a", "a", "");
    Path b = project("b", "b", "");
    Path user = fixture.write("user.yaml", "include: [a/vigil.yaml, b/vigil.yaml]\n");
    LoadedConfig good = ConfigLoader.loadLenient(user, env, Map.of());

    Files.writeString(b, "projects: [\n  garbage");
    LoadedConfig broken = ConfigLoader.loadLenient(user, env, good.lastGood());
    Files.delete(b);
    Files.createDirectory(b);
    LoadedConfig directory = ConfigLoader.loadLenient(user, env, broken.lastGood());

    assertThat(broken.config().projects())
        .extracting(ProjectConfig::name)
        .containsExactly("a", "b");
    assertThat(broken.problems().get(0).toString()).startsWith(b + ":");
    assertThat(directory.config().projects())
        .extracting(ProjectConfig::name)
        .containsExactly("a", "b");
    assertThat(directory.problems().get(0).toString())
        .startsWith(user + ":1:25: included file " + b + " is a directory");
  }

  @Test
  void aMissingIncludedPathIsReportedWhereItIsListedAndAnUnmatchedGlobIsFine() throws Exception {
    Path user =
        fixture.write("user.yaml", "include:\n  - \"nowhere/*/vigil.yaml\"\n  - gone/vigil.yaml\n");

    LoadedConfig loaded = ConfigLoader.loadLenient(user, env, Map.of());

    assertThat(loaded.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            user + ":3:5: included file " + dir.resolve("gone/vigil.yaml") + " does not exist");
  }

  @Test
  void anIncludedFileMayNotIncludeAgain() throws Exception {
    Path inner = fixture.write("a/vigil.yaml", "include: [x.yaml]\nprojects: []\n");
    Path user = fixture.write("user.yaml", "include: [a/vigil.yaml]\n");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(user, env));

    assertThat(e.getMessage()).contains(inner + ":1:1: `include` is read only in the config");
  }

  @Test
  void theSourcesNameEveryIncludedFileAndTheGlobsDirectories() throws Exception {
    Path a = project("src/a", "a", "");
    Path user = fixture.write("user.yaml", "include: [\"src/*/vigil.yaml\"]\n");

    ConfigSources sources = ConfigLoader.loadLenient(user, env, Map.of()).sources();

    assertThat(sources.contents().keySet()).containsExactlyInAnyOrder(user, a);
    assertThat(sources.dirs().keySet()).contains(dir.resolve("src"), dir.resolve("src/a"));
    assertThat(sources.globMatches()).containsExactly(a);
  }
}
