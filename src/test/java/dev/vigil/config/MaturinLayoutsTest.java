package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil init} on maturin (PyO3) layouts as they are found in real repositories. */
class MaturinLayoutsTest {
  @TempDir Path tmp;

  private static final String MATURIN_BACKEND =
      "[build-system]\nrequires = [\"maturin>=1.5,<2.0\"]\nbuild-backend = \"maturin\"\n\n"
          + "[project]\nname = \"fastcalc\"\n\n";
  private static final String PYO3_CRATE =
      "[package]\nname = \"fastcalc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
          + "[lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n\n"
          + "[dependencies]\npyo3 = { version = \"0.22\", features = [\"abi3-py38\"] }\n";

  private void file(String path, String text) throws IOException {
    Path file = tmp.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Runs init's detection in {@code dir}, writes vigil.yaml there and loads it back. */
  private VigilConfig init(String dir) throws Exception {
    Path top = tmp.resolve(dir).normalize();
    String yaml = StarterYaml.render(top, ProjectDetector.detect(top));
    return ConfigLoader.load(Files.writeString(top.resolve("vigil.yaml"), yaml));
  }

  private String yaml(String dir) throws IOException {
    return Files.readString(tmp.resolve(dir).resolve("vigil.yaml"));
  }

  private Path root(String relative) {
    return tmp.resolve(relative).toAbsolutePath().normalize();
  }

  private static List<String> runs(ProjectConfig p) {
    return p.stages().stream().map(StageConfig::run).toList();
  }

  private static List<String> chain(ProjectConfig p) {
    return p.stages().stream().map(s -> s.name() + " needs " + s.needs()).toList();
  }

  /** (a) The Python package in py/, the crate beside it in core/, joined by manifest-path. */
  private void pyBesideCore() throws IOException {
    file(
        "py/pyproject.toml",
        MATURIN_BACKEND
            + "[tool.maturin]\nmanifest-path = \"../core/Cargo.toml\"\n"
            + "module-name = \"fastcalc._core\"\nfeatures = [\"pyo3/extension-module\"]\n\n"
            + "[tool.ruff]\nline-length = 100\n");
    file("py/fastcalc/__init__.py", "from ._core import add\n");
    file("py/tests/test_add.py", "def test_add(): pass\n");
    file("core/Cargo.toml", PYO3_CRATE);
    file("core/src/lib.rs", "");
  }

  @Test
  void manifestPathToASiblingCrateChainsThePythonProjectAfterIt() throws Exception {
    pyBesideCore();

    VigilConfig config = init(".");

    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly("core", "py");
    ProjectConfig rust = config.project("core").orElseThrow();
    ProjectConfig python = config.project("py").orElseThrow();
    assertThat(rust.root()).isEqualTo(root("core"));
    assertThat(runs(rust))
        .containsExactly(
            "cargo fmt --check",
            "cargo clippy --all-targets --message-format=json -- -D warnings",
            "cargo test");
    assertThat(python.root()).isEqualTo(root("py"));
    assertThat(python.after()).containsExactly("core");
    assertThat(runs(python))
        .containsExactly("ruff check .", "maturin develop --quiet", "python3 -m pytest -q");
    assertThat(chain(python))
        .containsExactly("lint needs []", "develop needs [lint]", "test needs [develop]");
    assertThat(python.ignore()).contains(".venv/", "__pycache__/");
    assertThat(yaml("."))
        .contains("manifest-path = \"../core/Cargo.toml\": the extension is the crate in core");
  }

  @Test
  void initInThePythonFolderAddsTheCrateOutsideItWithARelativeRoot() throws Exception {
    pyBesideCore();

    VigilConfig config = init("py");

    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly("core", "py");
    ProjectConfig rust = config.project("core").orElseThrow();
    assertThat(rust.root()).isEqualTo(root("core"));
    assertThat(rust.ignore()).contains("target/");
    assertThat(yaml("py")).contains("    root: \"../core\"\n");
    ProjectConfig python = config.project("py").orElseThrow();
    assertThat(python.root()).isEqualTo(root("py"));
    assertThat(python.after()).containsExactly("core");
    assertThat(runs(python)).contains("maturin develop --quiet");
  }

  /** (b) The crate at the root and the Python package in python/ (python-source). */
  @Test
  void crateAtTheRootWithPythonSourceInASubfolderSharesTheRoot() throws Exception {
    file("Cargo.toml", PYO3_CRATE);
    file("src/lib.rs", "");
    file(
        "pyproject.toml",
        MATURIN_BACKEND
            + "[tool.maturin]\npython-source = \"python\"\nmodule-name = \"fastcalc._fastcalc\"\n");
    file(".ruff.toml", "line-length = 100\n");
    file("python/fastcalc/__init__.py", "");
    file("tests/test_fastcalc.py", "");

    VigilConfig config = init(".");

    String base = EmbeddedDefault.projectName(tmp);
    ProjectConfig rust = config.project(base + "-rust").orElseThrow();
    ProjectConfig python = config.project(base + "-python").orElseThrow();
    assertThat(rust.root()).isEqualTo(python.root()).isEqualTo(root("."));
    assertThat(rust.watch()).containsExactly("**/*.rs", "**/Cargo.toml", "Cargo.lock");
    assertThat(rust.ignore()).contains("target/", ".venv/", "__pycache__/");
    assertThat(python.after()).containsExactly(base + "-rust");
    assertThat(python.ignore()).contains("target/", ".venv/", "__pycache__/");
    assertThat(runs(python))
        .containsExactly("ruff check .", "maturin develop --quiet", "python3 -m pytest -q");
    assertThat(yaml(".")).contains("python-source = \"python\": the Python package is in python/");
  }

  /** (c) A Cargo workspace at the root, the pyo3 crate a member, the Python package apart. */
  private void workspaceWithPythonApart(String manifestPath) throws IOException {
    file("Cargo.toml", "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n");
    file("Cargo.lock", "version = 3\n");
    file("crates/fastcalc/Cargo.toml", PYO3_CRATE);
    file("crates/fastcalc/src/lib.rs", "");
    file("crates/core/Cargo.toml", "[package]\nname = \"core\"\n");
    file("crates/core/src/lib.rs", "");
    file(
        "python/pyproject.toml",
        MATURIN_BACKEND
            + "[tool.maturin]\nmanifest-path = \""
            + manifestPath
            + "\"\n\n[tool.mypy]\nstrict = true\n");
    file("python/tests/test_fastcalc.py", "");
  }

  @Test
  void workspaceMemberCrateChainsThePythonProjectAfterTheWholeWorkspace() throws Exception {
    workspaceWithPythonApart("../crates/fastcalc/Cargo.toml");

    VigilConfig config = init(".");

    String base = EmbeddedDefault.projectName(tmp);
    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly(base, "python");
    ProjectConfig rust = config.project(base).orElseThrow();
    assertThat(rust.root()).isEqualTo(root("."));
    assertThat(runs(rust))
        .containsExactly(
            "cargo fmt --all --check",
            "cargo clippy --locked --workspace --all-targets --message-format=json -- -D warnings",
            "cargo test --locked --workspace");
    // The workspace's root holds python/: Python saves and the virtualenv are not Rust changes.
    assertThat(rust.watch()).containsExactly("**/*.rs", "**/Cargo.toml", "Cargo.lock");
    assertThat(rust.ignore()).contains("target/", ".venv/", "__pycache__/");
    ProjectConfig python = config.project("python").orElseThrow();
    assertThat(python.root()).isEqualTo(root("python"));
    assertThat(python.after()).containsExactly(base);
    assertThat(runs(python))
        .containsExactly("maturin develop --quiet", "mypy .", "python3 -m pytest -q");
    assertThat(yaml("."))
        .contains("the extension is the crate in crates/fastcalc, in the Cargo workspace at .");
  }

  @Test
  void pyprojectNextToAVirtualWorkspaceBuildsThePyo3MemberWithManifestPath() throws Exception {
    file("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    file("crates/core/Cargo.toml", "[package]\nname = \"core\"\n");
    file("crates/fastcalc/Cargo.toml", PYO3_CRATE);
    file("pyproject.toml", MATURIN_BACKEND);
    file("tests/test_fastcalc.py", "");

    VigilConfig config = init(".");

    String base = EmbeddedDefault.projectName(tmp);
    ProjectConfig python = config.project(base + "-python").orElseThrow();
    assertThat(python.after()).containsExactly(base + "-rust");
    assertThat(runs(python))
        .containsExactly(
            "maturin develop --quiet -m crates/fastcalc/Cargo.toml", "python3 -m pytest -q");
    assertThat(yaml(".")).contains("crates/fastcalc depends on pyo3");
  }

  /** (d) No [tool.maturin] at all: maturin builds the Cargo.toml next to pyproject.toml. */
  @Test
  void defaultLayoutWithoutManifestPathBuildsTheCrateNextToIt() throws Exception {
    file("ext/pyproject.toml", MATURIN_BACKEND);
    file("ext/Cargo.toml", PYO3_CRATE);
    file("ext/src/lib.rs", "");
    file("ext/tests/test_ext.py", "");
    file("tool/pyproject.toml", MATURIN_BACKEND + "[tool.ruff.lint]\nselect = [\"E\"]\n");
    file("tool/Cargo.toml", PYO3_CRATE);

    VigilConfig config = init(".");

    ProjectConfig ext = config.project("ext-python").orElseThrow();
    assertThat(ext.after()).containsExactly("ext-rust");
    assertThat(runs(ext)).containsExactly("maturin develop --quiet", "python3 -m pytest -q");
    ProjectConfig tool = config.project("tool-python").orElseThrow();
    assertThat(tool.after()).containsExactly("tool-rust");
    assertThat(runs(tool)).containsExactly("ruff check .", "maturin develop --quiet");
  }

  @Test
  void pythonFirstLayoutWithTheCrateInRustFolder() throws Exception {
    file("pyproject.toml", MATURIN_BACKEND);
    file("python/fastcalc/__init__.py", "");
    file("rust/Cargo.toml", PYO3_CRATE);
    file("tests/test_fastcalc.py", "");

    VigilConfig config = init(".");

    String base = EmbeddedDefault.projectName(tmp);
    ProjectConfig python = config.project(base).orElseThrow();
    assertThat(python.after()).containsExactly("rust");
    assertThat(python.ignore()).contains("target/");
    assertThat(runs(python))
        .containsExactly("maturin develop --quiet -m rust/Cargo.toml", "python3 -m pytest -q");
  }

  @Test
  void aManifestPathThatNamesNoFileLeavesAPlainPythonProjectAndSaysWhy() throws Exception {
    file(
        "py/pyproject.toml",
        MATURIN_BACKEND + "[tool.maturin]\nmanifest-path = \"../nope.toml\"\n");
    file("py/tests/test_x.py", "");

    VigilConfig config = init(".");

    ProjectConfig python = config.projects().get(0);
    assertThat(config.projects()).hasSize(1);
    assertThat(python.after()).isEmpty();
    assertThat(runs(python)).containsExactly("python3 -m pytest -q");
    assertThat(yaml("."))
        .contains("manifest-path = \"../nope.toml\" names no file: no `maturin develop` stage");
  }

  @Test
  void extensionModuleTurnedOnInCargoTomlIsPointedOutOnTheRustProject() throws Exception {
    file("on/Cargo.toml", PYO3_CRATE.replace("abi3-py38", "extension-module"));
    file("on/pyproject.toml", MATURIN_BACKEND);
    file(
        "off/Cargo.toml",
        PYO3_CRATE + "\n[features]\nextension-module = [\"pyo3/extension-module\"]\n");
    file(
        "off/pyproject.toml",
        MATURIN_BACKEND + "[tool.maturin]\nfeatures = [\"extension-module\"]\n");

    init(".");

    String note =
        "/Cargo.toml turns on pyo3's extension-module feature: if `cargo test` fails to link,"
            + " turn it on from [tool.maturin] features = [\"pyo3/extension-module\"] instead";
    assertThat(yaml(".")).contains("  #   on" + note + "\n").doesNotContain("off" + note);
  }
}
