package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDetectorTest {
  @TempDir Path tmp;

  private Path file(String path, String text) throws IOException {
    Path file = tmp.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Detects, writes vigil.yaml as init does and loads it back with the real loader. */
  private VigilConfig init() throws Exception {
    String yaml = StarterYaml.render(tmp, ProjectDetector.detect(tmp));
    return ConfigLoader.load(Files.writeString(tmp.resolve("vigil.yaml"), yaml));
  }

  private Path root(String relative) {
    return tmp.resolve(relative).toAbsolutePath().normalize();
  }

  private static List<String> chain(ProjectConfig p) {
    return p.stages().stream().map(s -> s.name() + " needs " + s.needs()).toList();
  }

  private static List<String> runs(ProjectConfig p) {
    return p.stages().stream().map(StageConfig::run).toList();
  }

  @Test
  void cargoCrateGetsFmtClippyTestWithWhenFiltersAndLockedWhenLocked() throws Exception {
    file("engine/Cargo.toml", "[package]\nname = \"engine\"\n");
    file("engine/Cargo.lock", "version = 3\n");
    file("engine/src/lib.rs", "");

    VigilConfig config = init();

    ProjectConfig p = config.projects().get(0);
    assertThat(config.projects()).hasSize(1);
    assertThat(p.name()).isEqualTo("engine");
    assertThat(p.root()).isEqualTo(root("engine"));
    assertThat(runs(p))
        .containsExactly(
            "cargo fmt --check",
            "cargo clippy --locked --all-targets --message-format=json -- -D warnings",
            "cargo test --locked");
    assertThat(chain(p))
        .containsExactly("fmt needs []", "clippy needs [fmt]", "test needs [clippy]");
    assertThat(p.stages().get(0).when()).containsExactly("**/*.rs");
    assertThat(p.stages().get(2).when()).containsExactly("**/*.rs", "**/Cargo.toml", "Cargo.lock");
    assertThat(p.stages().get(1).format()).isEqualTo("cargo-json");
    assertThat(p.ignore()).containsExactly("target/");
  }

  @Test
  void cargoWorkspaceIsOneProjectAtTheRootNotOnePerMember() throws Exception {
    file("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    file("crates/core/Cargo.toml", "[package]\nname = \"core\"\n");
    file("crates/cli/Cargo.toml", "[package]\nname = \"cli\"\n");

    VigilConfig config = init();

    assertThat(config.projects()).hasSize(1);
    ProjectConfig p = config.projects().get(0);
    assertThat(p.root()).isEqualTo(root("."));
    assertThat(runs(p))
        .containsExactly(
            "cargo fmt --all --check",
            "cargo clippy --workspace --all-targets --message-format=json -- -D warnings",
            "cargo test --workspace");
  }

  @Test
  void separateCratesEachBecomeAProjectAndBuildOutputIsNotSearched() throws Exception {
    file("a/Cargo.toml", "[package]\nname = \"a\"\n");
    file("b/Cargo.toml", "[package]\nname = \"b\"\n");
    file("a/target/debug/build/x/Cargo.toml", "");
    file("node_modules/left-pad/package.json", "{}");
    file(".git/modules/x/Cargo.toml", "");
    file("one/two/three/four/Cargo.toml", "");

    VigilConfig config = init();

    assertThat(config.projects())
        .extracting(ProjectConfig::name, ProjectConfig::root)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", root("a")),
            org.assertj.core.groups.Tuple.tuple("b", root("b")));
  }

  @Test
  void mavenMultiModuleIsOneProjectAtTheTop() throws Exception {
    file("pom.xml", "<project><modules><module>api</module></modules></project>");
    file("api/pom.xml", "<project/>");
    file("impl/pom.xml", "<project/>");

    VigilConfig config = init();

    assertThat(config.projects()).hasSize(1);
    ProjectConfig p = config.projects().get(0);
    assertThat(p.root()).isEqualTo(root("."));
    assertThat(runs(p)).containsExactly("mvn -q -o compile", "mvn -q -o test");
    assertThat(chain(p)).containsExactly("compile needs []", "test needs [compile]");
    assertThat(p.stages()).extracting(StageConfig::format).containsOnly("maven");
    assertThat(p.ignore()).containsExactly("target/");
  }

  @Test
  void gradleUsesTheWrapperWhenPresentElseGradle() throws Exception {
    file("app/settings.gradle.kts", "");
    file("app/build.gradle.kts", "");
    file("app/gradlew", "#!/bin/sh\n");
    file("app/lib/build.gradle.kts", "");
    file("tool/build.gradle", "");

    VigilConfig config = init();

    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly("app", "tool");
    ProjectConfig app = config.projects().get(0);
    assertThat(runs(app)).containsExactly("./gradlew --quiet assemble", "./gradlew --quiet check");
    assertThat(chain(app)).containsExactly("assemble needs []", "check needs [assemble]");
    assertThat(app.ignore()).containsExactly("build/", ".gradle/");
    assertThat(runs(config.projects().get(1)))
        .containsExactly("gradle --quiet assemble", "gradle --quiet check");
  }

  @Test
  void pythonWithRuffMypyAndPytestConfiguredRunsThemInThatOrder() throws Exception {
    file(
        "bot/pyproject.toml",
        "[project]\nname = \"bot\"\n\n[tool.ruff.lint]\nselect = [\"E\"]\n\n[tool.mypy]\n");
    file("bot/tests/test_bot.py", "");

    ProjectConfig p = init().projects().get(0);

    assertThat(runs(p)).containsExactly("ruff check .", "mypy .", "python3 -m pytest -q");
    assertThat(chain(p))
        .containsExactly("lint needs []", "typecheck needs [lint]", "test needs [typecheck]");
    assertThat(p.stages().get(2).when()).containsExactly("**/*.py", "pyproject.toml");
    assertThat(p.ignore()).contains("__pycache__/", ".venv/", "build/", "dist/");
  }

  @Test
  void pythonToolsAreOnlyUsedWhenConfigured() throws Exception {
    file("plain/requirements.txt", "requests\n");
    file("typed/requirements-dev.txt", "mypy==1.0\npytest\n");
    file("typed/ruff.toml", "");
    file("typed/app.py", "");

    VigilConfig config = init();

    assertThat(runs(config.projects().get(0)))
        .containsExactly("python3 -m compileall -q -x '(^|/)[.]?venv/' .");
    assertThat(runs(config.projects().get(1)))
        .containsExactly("ruff check .", "mypy .", "python3 -m pytest -q");
  }

  @Test
  void nodeRunsTheScriptsThatExistInLintTypecheckTestBuildOrder() throws Exception {
    file(
        "web/package.json",
        """
        {"name": "web", "scripts": {"build": "tsc", "test": "vitest run",
         "typecheck": "tsc --noEmit", "lint": "eslint .", "dev": "vite"}}
        """);

    ProjectConfig p = init().projects().get(0);

    assertThat(runs(p))
        .containsExactly("npm run lint", "npm run typecheck", "npm test", "npm run build");
    assertThat(chain(p))
        .containsExactly(
            "lint needs []",
            "typecheck needs [lint]",
            "test needs [typecheck]",
            "build needs [test]");
    assertThat(p.ignore()).contains("node_modules/", "dist/");
  }

  @Test
  void npmWorkspacePackagesBelowTheRootAreNotProjectsOfTheirOwn() throws Exception {
    file("package.json", "{\"workspaces\": [\"packages/*\"], \"scripts\": {\"test\": \"x\"}}");
    file("packages/ui/package.json", "{\"scripts\": {\"test\": \"y\"}}");

    VigilConfig config = init();

    assertThat(config.projects()).hasSize(1);
    assertThat(runs(config.projects().get(0))).containsExactly("npm test");
  }

  @Test
  void goModuleGetsGofmtVetTest() throws Exception {
    file("svc/go.mod", "module example.com/svc\n");

    ProjectConfig p = init().projects().get(0);

    assertThat(p.stages()).extracting(StageConfig::name).containsExactly("fmt", "vet", "test");
    assertThat(runs(p).subList(1, 3)).containsExactly("go vet ./...", "go test ./...");
    assertThat(runs(p).get(0)).contains("gofmt -l .");
    assertThat(chain(p)).containsExactly("fmt needs []", "vet needs [fmt]", "test needs [vet]");
  }

  @Test
  void maturinLayoutChainsThePythonProjectAfterTheRustOne() throws Exception {
    file(
        "pyproject.toml",
        "[build-system]\nrequires = [\"maturin>=1.0\"]\nbuild-backend = \"maturin\"\n");
    file("Cargo.toml", "[package]\nname = \"fastmath\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
    file("tests/test_fast.py", "");

    VigilConfig config = init();

    String base = EmbeddedDefault.projectName(tmp);
    assertThat(config.projects())
        .extracting(ProjectConfig::name)
        .containsExactly(base + "-rust", base + "-python");
    ProjectConfig rust = config.projects().get(0);
    ProjectConfig python = config.projects().get(1);
    assertThat(chain(rust))
        .containsExactly("fmt needs []", "clippy needs [fmt]", "test needs [clippy]");
    assertThat(rust.watch()).containsExactly("**/*.rs", "**/Cargo.toml", "Cargo.lock");
    assertThat(python.after()).containsExactly(base + "-rust");
    assertThat(runs(python)).containsExactly("maturin develop --quiet", "python3 -m pytest -q");
    assertThat(chain(python)).containsExactly("develop needs []", "test needs [develop]");
    assertThat(python.watch())
        .containsExactly(
            "**/*.py", "**/*.pyi", "pyproject.toml", "ruff.toml", "mypy.ini", "pytest.ini");
  }

  private static List<String> cached(ProjectConfig p) {
    return p.stages().stream().filter(st -> st.cache().enabled()).map(StageConfig::name).toList();
  }

  @Test
  void pureChecksAreCachedAndStagesWithSideEffectsAndWhatFollowsThemNever() throws Exception {
    file(
        "pyproject.toml",
        "[build-system]\nrequires = [\"maturin>=1.0\"]\nbuild-backend = \"maturin\"\n"
            + "[tool.ruff]\n");
    file("Cargo.toml", "[package]\nname = \"fastmath\"\n[lib]\ncrate-type = [\"cdylib\"]\n");
    file("tests/test_fast.py", "");
    file("web/package.json", "{\"scripts\": {\"lint\": \"x\", \"test\": \"x\", \"build\": \"x\"}}");
    file("svc/pom.xml", "<project/>");

    VigilConfig config = init();

    ProjectConfig rust =
        config.projects().stream()
            .filter(p -> p.name().endsWith("-rust"))
            .findFirst()
            .orElseThrow();
    ProjectConfig python =
        config.projects().stream()
            .filter(p -> p.name().endsWith("-python"))
            .findFirst()
            .orElseThrow();
    ProjectConfig web =
        config.projects().stream().filter(p -> p.name().equals("web")).findFirst().orElseThrow();
    ProjectConfig svc =
        config.projects().stream().filter(p -> p.name().equals("svc")).findFirst().orElseThrow();
    assertThat(cached(rust)).containsExactly("fmt", "clippy", "test");
    // maturin develop installs into the virtualenv: the tests after it read what no key covers.
    assertThat(chain(python))
        .containsExactly("lint needs []", "develop needs [lint]", "test needs [develop]");
    assertThat(cached(python)).containsExactly("lint");
    assertThat(cached(web)).containsExactly("lint", "test");
    assertThat(cached(svc)).containsExactly("test");
    assertThat(Files.readString(tmp.resolve("vigil.yaml"))).contains("        cache: true\n");
  }

  @Test
  void maturinWithTheCrateInASubdirectory() throws Exception {
    file(
        "pyproject.toml",
        "[build-system]\nbuild-backend = \"maturin\"\n[tool.maturin]\n"
            + "manifest-path = \"rust/Cargo.toml\"\n[tool.ruff]\n");
    file("rust/Cargo.toml", "[package]\nname = \"ext\"\n");

    VigilConfig config = init();

    ProjectConfig rust = config.projects().get(1);
    ProjectConfig python = config.projects().get(0);
    assertThat(rust.root()).isEqualTo(root("rust"));
    assertThat(rust.watch()).isEmpty();
    assertThat(python.after()).containsExactly("rust");
    assertThat(chain(python)).containsExactly("lint needs []", "develop needs [lint]");
  }

  @Test
  void writtenFileExplainsWhatWasDetectedAndWhy() throws Exception {
    file("engine/Cargo.toml", "[workspace]\n");

    String yaml = StarterYaml.render(tmp, ProjectDetector.detect(tmp));

    assertThat(yaml)
        .startsWith("# vigil config, written by `vigil init`")
        .contains("  # rust at engine:\n")
        .contains("Cargo.toml with [workspace]: one project for the whole workspace")
        .contains("      # fmt first: the cheapest check")
        .contains("  # Quiet period that closes a batch of changes.\n  debounce: 20ms\n");
  }

  @Test
  void aStageWhoseToolIsNotOnThePathIsStillWrittenWithTheInstallHintAboveIt() throws Exception {
    file("bot/pyproject.toml", "[project]\nname = \"bot\"\n[tool.ruff]\n");
    file("bot/tests/test_bot.py", "");

    List<StarterProject> projects = ProjectDetector.detect(tmp, tool -> !tool.equals("ruff"));

    assertThat(projects.get(0).stages())
        .extracting(StarterStage::name, s -> s.missingTool().map(StarterTool::command))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lint", java.util.Optional.of("ruff")),
            org.assertj.core.groups.Tuple.tuple("test", java.util.Optional.empty()));
    assertThat(StarterYaml.render(tmp, projects))
        .contains(
            "      # ruff first: it takes milliseconds.\n"
                + "      # ruff is not on PATH: pip install ruff\n"
                + "      - name: \"lint\"\n");
  }

  @Test
  void nothingDetectedIsAnEmptyList() {
    assertThat(ProjectDetector.detect(tmp)).isEmpty();
    assertThat(ProjectDetector.buildFiles()).contains("Cargo.toml", "build.gradle.kts", "go.mod");
  }
}
