package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultTest {
  private static final Predicate<String> NOTHING_ON_PATH = EmbeddedDefaultTest::nothingOnPath;

  @TempDir Path tmp;

  private static boolean nothingOnPath(String tool) {
    return false;
  }

  private Path project(String name, String... buildFiles) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String file : buildFiles) {
      Files.writeString(dir.resolve(file), "");
    }
    return dir;
  }

  private static List<String> runs(ProjectConfig p) {
    return p.stages().stream().map(StageConfig::run).toList();
  }

  private static List<String> chain(ProjectConfig p) {
    return p.stages().stream().map(s -> s.name() + " needs " + s.needs()).toList();
  }

  @Test
  void rustProjectRunsFmtClippyTestInAChain() throws Exception {
    Path dir = project("engine", "Cargo.toml");

    VigilConfig config = EmbeddedDefault.forDirectory(dir, NOTHING_ON_PATH);

    assertThat(config.file()).isEmpty();
    ProjectConfig p = config.projects().get(0);
    assertThat(p.name()).isEqualTo("engine");
    assertThat(p.root()).isEqualTo(dir.toAbsolutePath());
    assertThat(runs(p)).containsExactly("cargo fmt --check", "cargo clippy", "cargo test");
    assertThat(chain(p))
        .containsExactly("fmt needs []", "clippy needs [fmt]", "test needs [clippy]");
    assertThat(p.ignore()).containsExactly("target/");
  }

  @Test
  void theDefaultsBlockSaysWhatEachKeyMeansThereAndNothingOfOtherSections() {
    StringBuilder out = new StringBuilder();
    EmbeddedDefault.appendDefaults(out);

    assertThat(out.toString())
        .contains("  # Time after which a stage's process tree is killed.\n  timeout: 10m")
        .doesNotContain("cache.remote");
  }

  @Test
  void mavenProject() throws Exception {
    ProjectConfig p =
        EmbeddedDefault.forDirectory(project("svc", "pom.xml"), NOTHING_ON_PATH).projects().get(0);

    assertThat(runs(p)).containsExactly("mvn -q -o compile", "mvn -q -o test");
    assertThat(chain(p)).containsExactly("compile needs []", "test needs [compile]");
    assertThat(p.ignore()).containsExactly("target/");
  }

  @Test
  void pythonProjectLintsWithRuffOnlyWhenInstalled() throws Exception {
    Path dir = project("bot", "pyproject.toml");

    ProjectConfig without = EmbeddedDefault.forDirectory(dir, NOTHING_ON_PATH).projects().get(0);
    ProjectConfig with =
        EmbeddedDefault.forDirectory(dir, tool -> tool.equals("ruff")).projects().get(0);

    assertThat(runs(without)).containsExactly("python3 -m pytest -q");
    assertThat(runs(with)).containsExactly("ruff check .", "python3 -m pytest -q");
    assertThat(chain(with)).containsExactly("lint needs []", "test needs [lint]");
    assertThat(with.ignore())
        .contains("__pycache__/", ".venv/", ".pytest_cache/", ".ruff_cache/", "build/");
  }

  @Test
  void setupPyAlsoMeansPython() throws Exception {
    ProjectConfig p =
        EmbeddedDefault.forDirectory(project("old", "setup.py"), NOTHING_ON_PATH).projects().get(0);

    assertThat(runs(p)).containsExactly("python3 -m pytest -q");
  }

  @Test
  void gradleProjectUsesItsWrapper() throws Exception {
    Path dir = project("app", "build.gradle.kts", "gradlew");

    ProjectConfig p = EmbeddedDefault.forDirectory(dir, NOTHING_ON_PATH).projects().get(0);

    assertThat(runs(p)).containsExactly("./gradlew --quiet assemble", "./gradlew --quiet check");
    assertThat(p.ignore()).containsExactly("build/", ".gradle/");
  }

  @Test
  void requirementsFileMeansPython() throws Exception {
    ProjectConfig p =
        EmbeddedDefault.forDirectory(project("scripts", "requirements-dev.txt"), NOTHING_ON_PATH)
            .projects()
            .get(0);

    assertThat(runs(p)).containsExactly("python3 -m pytest -q");
  }

  @Test
  void nodeProject() throws Exception {
    ProjectConfig p =
        EmbeddedDefault.forDirectory(project("web", "package.json"), NOTHING_ON_PATH)
            .projects()
            .get(0);

    assertThat(runs(p)).containsExactly("npm test");
    assertThat(p.ignore()).contains("node_modules/");
  }

  @Test
  void goProject() throws Exception {
    ProjectConfig p =
        EmbeddedDefault.forDirectory(project("tool", "go.mod"), NOTHING_ON_PATH).projects().get(0);

    assertThat(runs(p)).containsExactly("go vet ./...", "go test ./...");
    assertThat(chain(p)).containsExactly("vet needs []", "test needs [vet]");
  }

  @Test
  void mixedTreeGetsEveryKindWithPrefixedNamesAndIndependentChains() throws Exception {
    Path dir = project("mono", "Cargo.toml", "package.json", "pyproject.toml", "go.mod");

    ProjectConfig p = EmbeddedDefault.forDirectory(dir, tool -> true).projects().get(0);

    assertThat(chain(p))
        .containsExactly(
            "rust-fmt needs []",
            "rust-clippy needs [rust-fmt]",
            "rust-test needs [rust-clippy]",
            "python-lint needs []",
            "python-test needs [python-lint]",
            "node-test needs []",
            "go-vet needs []",
            "go-test needs [go-vet]");
    assertThat(p.ignore())
        .containsExactly(
            "target/",
            "__pycache__/",
            ".venv/",
            ".pytest_cache/",
            ".ruff_cache/",
            ".mypy_cache/",
            "*.egg-info/",
            "build/",
            "dist/",
            "node_modules/",
            "coverage/");
  }

  @Test
  void emptyDirectoryIsAnErrorSayingWhatWasLookedFor() throws Exception {
    Path dir = project("empty");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> EmbeddedDefault.forDirectory(dir, NOTHING_ON_PATH));

    assertThat(e.problems())
        .containsExactly(
            new ConfigProblem(
                dir.toAbsolutePath(),
                1,
                1,
                "no config file and no build file found in this directory (looked for Cargo.toml,"
                    + " pom.xml, build.gradle, build.gradle.kts, settings.gradle,"
                    + " settings.gradle.kts, pyproject.toml, setup.py, requirements*.txt,"
                    + " package.json, go.mod); write a"
                    + " vigil.yaml (`vigil init` writes one) or pass --config FILE"));
  }

  @Test
  void generatedTextIsCommentedAndLoadsFromAFile() throws Exception {
    Path dir = project("engine", "Cargo.toml", "pom.xml");

    String yaml = EmbeddedDefault.yamlFor(dir, NOTHING_ON_PATH);
    Path written = Files.writeString(dir.resolve("vigil.yaml"), yaml);
    VigilConfig loaded = ConfigLoader.load(written);

    assertThat(yaml.lines().filter(l -> l.strip().startsWith("#")).count())
        .isGreaterThanOrEqualTo(10);
    assertThat(yaml)
        .contains("# Detected: rust, maven.")
        .contains("# Quiet period that closes a batch of changes.")
        .contains("# The project root, relative to this file.")
        .contains("so a stage's own output never starts another run");
    assertThat(loaded.projects().get(0).stages())
        .extracting(StageConfig::name)
        .containsExactly("rust-fmt", "rust-clippy", "rust-test", "maven-compile", "maven-test");
    assertThat(loaded.projects().get(0).stages().get(3).needs()).isEmpty();
  }

  @Test
  void starterForAnEmptyDirectoryStillValidates() throws Exception {
    Path dir = project("empty");

    String yaml = EmbeddedDefault.yamlFor(dir, NOTHING_ON_PATH);
    VigilConfig loaded = ConfigLoader.parse(dir.resolve("vigil.yaml"), yaml);

    assertThat(yaml).contains("# No build file found");
    assertThat(loaded.projects().get(0).stages()).hasSize(1);
  }

  @Test
  void directoryNameBecomesAValidProjectName() throws Exception {
    Path dir = project("my project (old)", "go.mod");

    assertThat(EmbeddedDefault.forDirectory(dir, NOTHING_ON_PATH).projects().get(0).name())
        .isEqualTo("my-project--old-");
  }
}
