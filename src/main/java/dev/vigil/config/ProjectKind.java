package dev.vigil.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A kind of project recognised by its build file, with the stages and build output it has. */
enum ProjectKind {
  RUST("rust", List.of("Cargo.toml"), List.of("target/")),
  MAVEN("maven", List.of("pom.xml"), List.of("target/")),
  GRADLE(
      "gradle",
      List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"),
      List.of("build/", ".gradle/")),
  PYTHON(
      "python",
      List.of("pyproject.toml", "setup.py", "requirements*.txt"),
      List.of(
          "__pycache__/",
          ".venv/",
          ".pytest_cache/",
          ".ruff_cache/",
          ".mypy_cache/",
          "*.egg-info/",
          "build/",
          "dist/")),
  NODE("node", List.of("package.json"), List.of("node_modules/", "dist/", "build/", "coverage/")),
  GO("go", List.of("go.mod"), List.of());

  /** A stage a kind contributes; each needs the one before it. */
  record Stage(String name, String run) {}

  private final String label;

  // Both lists are unmodifiable (List.of).
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> buildFiles;

  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> buildOutput;

  ProjectKind(String label, List<String> buildFiles, List<String> buildOutput) {
    this.label = label;
    this.buildFiles = buildFiles;
    this.buildOutput = buildOutput;
  }

  String label() {
    return label;
  }

  List<String> buildFiles() {
    return buildFiles;
  }

  /** Gitignore lines for what this kind's tools write, so their output never starts a run. */
  List<String> buildOutput() {
    return buildOutput;
  }

  /** True when one of this kind's build files is in {@code dir} ({@code *} in a name: any text). */
  boolean detectedIn(Path dir) {
    return buildFiles.stream().anyMatch(f -> !BuildFiles.matching(dir, f).isEmpty());
  }

  /**
   * The stages, fail-fast in this order, for the project in {@code dir}; {@code onPath} tells which
   * optional tools exist.
   */
  List<Stage> stages(Path dir, Predicate<String> onPath) {
    List<Stage> stages = new ArrayList<>();
    switch (this) {
      case RUST -> {
        stages.add(new Stage("fmt", "cargo fmt --check"));
        stages.add(new Stage("clippy", "cargo clippy"));
        stages.add(new Stage("test", "cargo test"));
      }
      case MAVEN -> {
        stages.add(new Stage("compile", "mvn -q -o compile"));
        stages.add(new Stage("test", "mvn -q -o test"));
      }
      case GRADLE -> {
        String gradle = gradleCommand(dir);
        stages.add(new Stage("assemble", gradle + " --quiet assemble"));
        stages.add(new Stage("check", gradle + " --quiet check"));
      }
      case PYTHON -> {
        if (onPath.test("ruff")) {
          stages.add(new Stage("lint", "ruff check ."));
        }
        stages.add(new Stage("test", "python3 -m pytest -q"));
      }
      case NODE -> stages.add(new Stage("test", "npm test"));
      case GO -> {
        stages.add(new Stage("vet", "go vet ./..."));
        stages.add(new Stage("test", "go test ./..."));
      }
    }
    return stages;
  }

  /** {@code ./gradlew} when the project has the Gradle wrapper, else {@code gradle}. */
  static String gradleCommand(Path dir) {
    return Files.isRegularFile(dir.resolve("gradlew")) ? "./gradlew" : "gradle";
  }

  /** Every build file looked for, in detection order. */
  static List<String> allBuildFiles() {
    List<String> all = new ArrayList<>();
    for (ProjectKind kind : values()) {
      all.addAll(kind.buildFiles);
    }
    return all;
  }
}
