package dev.vigil.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The stages {@code vigil init} writes for each kind of project, from what its files say. */
final class StarterStages {
  static final List<String> RUST_WHEN = List.of("**/*.rs", "**/Cargo.toml", "Cargo.lock");
  static final List<String> PYTHON_WHEN = List.of("**/*.py", "pyproject.toml");
  private static final List<String> GO_WHEN = List.of("**/*.go", "go.mod", "go.sum");

  private final Path dir;
  private final List<String> detected = new ArrayList<>();
  private final List<StarterStage> stages = new ArrayList<>();
  private boolean sideEffects;

  private StarterStages(Path dir) {
    this.dir = dir;
  }

  /** The project of {@code kind} rooted at {@code dir}, named later; {@code root} is relative. */
  static StarterProject project(ProjectKind kind, Path dir, String root) {
    StarterStages s = new StarterStages(dir);
    switch (kind) {
      case RUST -> s.rust();
      case MAVEN -> s.maven();
      case GRADLE -> s.gradle();
      case PYTHON -> s.python(null);
      case NODE -> s.node();
      case GO -> s.go();
    }
    return new StarterProject(
        kind.label(), "", root, s.detected, List.of(), kind.buildOutput(), List.of(), s.chained());
  }

  /**
   * The Python stages of a maturin project: {@code develop} (a {@code maturin develop} command)
   * builds the extension before the type checks and tests.
   */
  static List<StarterStage> maturinPython(Path dir, String develop) {
    StarterStages s = new StarterStages(dir);
    s.python(develop);
    return s.chained();
  }

  private List<StarterStage> chained() {
    List<StarterStage> out = new ArrayList<>();
    String previous = null;
    for (StarterStage stage : stages) {
      out.add(stage.after(previous));
      previous = stage.name();
    }
    return out;
  }

  /** A stage that builds something, or reads what the inputs do not show: not cached. */
  private void add(
      String name, String run, List<String> when, String format, StarterTool tool, String why) {
    stages.add(new StarterStage(name, run, List.of(), when, format, why, tool, false, false));
  }

  /**
   * A stage with effects outside the project ({@code maturin develop} into the virtualenv): never
   * cached, nor is any stage after it, whose result depends on what it did.
   */
  private void sideEffect(
      String name, String run, List<String> when, String format, StarterTool tool, String why) {
    add(name, run, when, format, tool, why);
    sideEffects = true;
  }

  /**
   * A pure check (fmt, clippy, lint, typecheck, tests): cached, unless a stage before it changed
   * something its inputs do not show (a {@code maturin develop} into the virtualenv).
   */
  private void check(
      String name, String run, List<String> when, String format, StarterTool tool, String why) {
    stages.add(
        new StarterStage(name, run, List.of(), when, format, why, tool, false, !sideEffects));
  }

  private boolean has(String file) {
    return Files.exists(dir.resolve(file));
  }

  private void rust() {
    boolean workspace =
        BuildFiles.hasTable(BuildFiles.text(dir.resolve("Cargo.toml")), "workspace");
    detected.add(
        workspace
            ? "Cargo.toml with [workspace]: one project for the whole workspace, members included"
            : "Cargo.toml: a Rust crate");
    String all = workspace ? " --workspace" : "";
    String locked = "";
    if (has("Cargo.lock")) {
      locked = " --locked";
      detected.add("Cargo.lock: --locked makes a lock file that drifted from Cargo.toml fail");
    }
    check(
        "fmt",
        workspace ? "cargo fmt --all --check" : "cargo fmt --check",
        List.of("**/*.rs"),
        null,
        StarterTool.CARGO_FMT,
        "fmt first: the cheapest check, and it only concerns .rs files.");
    check(
        "clippy",
        "cargo clippy" + locked + all + " --all-targets --message-format=json -- -D warnings",
        RUST_WHEN,
        "cargo-json",
        StarterTool.CARGO_CLIPPY,
        "clippy type-checks and lints every target; warnings fail the stage.");
    check(
        "test",
        "cargo test" + locked + all,
        RUST_WHEN,
        null,
        StarterTool.CARGO,
        "tests once the code is clean.");
  }

  private void maven() {
    detected.add("pom.xml: a Maven build; modules below it are built from here");
    add(
        "compile",
        "mvn -q -o compile",
        List.of(),
        "maven",
        StarterTool.MVN,
        "compiler errors show before test failures.");
    check(
        "test",
        "mvn -q -o test",
        List.of(),
        "maven",
        StarterTool.MVN,
        "the tests once main code compiles.");
  }

  private void gradle() {
    String gradle = ProjectKind.gradleCommand(dir);
    detected.add("Gradle build files; subprojects below are built from here");
    StarterTool wrapper = StarterTool.GRADLE;
    if (gradle.startsWith("./")) {
      detected.add("gradlew: the project's own Gradle wrapper is used");
      wrapper = null;
    }
    add(
        "assemble",
        gradle + " --quiet assemble",
        List.of(),
        "javac",
        wrapper,
        "compiles every source set.");
    check(
        "check",
        gradle + " --quiet check",
        List.of(),
        "javac",
        wrapper,
        "tests and verification tasks.");
  }

  /** The Python stages; {@code develop} is the maturin command, or null for a plain project. */
  private void python(String develop) {
    String pyproject = BuildFiles.text(dir.resolve("pyproject.toml"));
    detected.add(
        has("pyproject.toml")
            ? "pyproject.toml: a Python project"
            : "setup.py or requirements*.txt: a Python project");
    if (BuildFiles.hasTable(pyproject, "tool.ruff") || has("ruff.toml") || has(".ruff.toml")) {
      detected.add("ruff is configured");
      check(
          "lint",
          "ruff check .",
          List.of("**/*.py", "pyproject.toml", "ruff.toml", ".ruff.toml"),
          null,
          StarterTool.RUFF,
          "ruff first: it takes milliseconds.");
    }
    if (develop != null) {
      sideEffect(
          "develop",
          develop,
          List.of(),
          null,
          StarterTool.MATURIN,
          "builds the Rust extension into the virtualenv (VIRTUAL_ENV, or a .venv maturin"
              + " finds) before anything imports it.");
    }
    if (BuildFiles.hasTable(pyproject, "tool.mypy")
        || has("mypy.ini")
        || has(".mypy.ini")
        || BuildFiles.requires(dir, "mypy")) {
      detected.add("mypy is configured");
      check(
          "typecheck",
          "mypy .",
          List.of("**/*.py", "**/*.pyi", "pyproject.toml", "mypy.ini"),
          null,
          StarterTool.MYPY,
          "type checks before the slower tests.");
    }
    if (pytestConfigured(pyproject)) {
      detected.add(has("tests") ? "pytest, with a tests/ directory" : "pytest is configured");
      check(
          "test",
          "python3 -m pytest -q",
          PYTHON_WHEN,
          "pytest",
          StarterTool.PYTEST,
          "the tests, last.");
    }
    if (stages.isEmpty()) {
      detected.add("no ruff, mypy or pytest set up: a syntax check stands in; replace it");
      check(
          "compile",
          "python3 -m compileall -q -x '(^|/)[.]?venv/' .",
          PYTHON_WHEN,
          null,
          StarterTool.PYTHON3,
          "catches syntax errors.");
    }
  }

  private boolean pytestConfigured(String pyproject) {
    return has("tests")
        || has("pytest.ini")
        || has("conftest.py")
        || BuildFiles.hasTable(pyproject, "tool.pytest")
        || BuildFiles.requires(dir, "pytest");
  }

  private void node() {
    Set<String> scripts = BuildFiles.npmScripts(dir.resolve("package.json"));
    detected.add("package.json with scripts: " + (scripts.isEmpty() ? "none" : scripts));
    if (scripts.contains("lint")) {
      check(
          "lint",
          "npm run lint",
          List.of(),
          null,
          StarterTool.NPM,
          "the lint script first: fast feedback.");
    }
    if (scripts.contains("typecheck")) {
      check(
          "typecheck",
          "npm run typecheck",
          List.of(),
          null,
          StarterTool.NPM,
          "the typecheck script.");
    }
    if (scripts.contains("test")) {
      check("test", "npm test", List.of(), null, StarterTool.NPM, "the test script.");
    }
    if (scripts.contains("build")) {
      add("build", "npm run build", List.of(), null, StarterTool.NPM, "the build script, last.");
    }
    if (stages.isEmpty()) {
      add(
          "deps",
          "npm ls --depth=0",
          List.of(),
          null,
          StarterTool.NPM,
          "no lint, test or build script: checks the dependencies are installed; add scripts.");
    }
  }

  private void go() {
    detected.add("go.mod: a Go module");
    check(
        "fmt",
        "files=$(gofmt -l .) && test -z \"$files\" || { echo \"not gofmt-formatted:\";"
            + " echo \"$files\"; exit 1; }",
        List.of("**/*.go"),
        null,
        StarterTool.GO,
        "gofmt -l lists unformatted files; any output fails the stage.");
    check(
        "vet",
        "go vet ./...",
        GO_WHEN,
        "go",
        StarterTool.GO,
        "go vet finds suspicious code the compiler accepts.");
    check("test", "go test ./...", GO_WHEN, "go", StarterTool.GO, "the tests, last.");
  }
}
