package dev.vigil.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the projects in a directory and in its subdirectories down to three levels, from their
 * build files: one project per Cargo workspace, Maven or Gradle build (not one per member).
 */
public final class ProjectDetector {
  static final int MAX_DEPTH = 3;

  static final Set<String> SKIPPED =
      Set.of(
          "target",
          "node_modules",
          "build",
          "dist",
          "out",
          "vendor",
          "venv",
          "__pycache__",
          "site-packages");

  /** Kinds whose build covers every build file of the same kind below it. */
  private static final Set<ProjectKind> COVERS_BELOW =
      Set.of(ProjectKind.MAVEN, ProjectKind.GRADLE);

  private final Path top;
  private final List<Found> found = new ArrayList<>();

  private record Found(ProjectKind kind, Path dir, StarterProject project) {}

  private ProjectDetector(Path top) {
    this.top = top;
  }

  /** The projects under {@code dir}, shallowest first; empty when there is no build file. */
  public static List<StarterProject> detect(Path dir) {
    return detect(dir, tool -> true);
  }

  /**
   * The projects under {@code dir}, shallowest first, each stage's tool looked up with {@code
   * onPath}; empty when there is no build file.
   */
  public static List<StarterProject> detect(Path dir, Predicate<String> onPath) {
    ProjectDetector detector = new ProjectDetector(dir.toAbsolutePath().normalize());
    detector.walk(detector.top, 0);
    detector.addMaturinCrates();
    List<StarterProject> projects = new ArrayList<>();
    detector.found.forEach(f -> projects.add(f.project()));
    return MaturinPairs.pair(named(projects, detector.top), detector.top).stream()
        .map(p -> p.checked(onPath))
        .toList();
  }

  /** The build files looked for, for messages when nothing is found. */
  public static List<String> buildFiles() {
    return ProjectKind.allBuildFiles();
  }

  private void walk(Path dir, int depth) {
    for (ProjectKind kind : ProjectKind.values()) {
      if (kind.detectedIn(dir) && !coveredAbove(kind, dir)) {
        found.add(new Found(kind, dir, StarterStages.project(kind, dir, relative(dir))));
      }
    }
    if (depth < MAX_DEPTH) {
      subdirectories(dir).forEach(child -> walk(child, depth + 1));
    }
  }

  /** The directories in {@code dir} worth searching for projects, sorted; no hidden ones. */
  static List<Path> subdirectories(Path dir) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path child : entries) {
        String name = child.getFileName().toString();
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
            && !name.startsWith(".")
            && !SKIPPED.contains(name)) {
          children.add(child);
        }
      }
    } catch (IOException e) {
      return children;
    }
    children.sort(null);
    return children;
  }

  /**
   * Adds a Rust project for each maturin extension crate the walk did not find (deeper than it
   * looks, or outside the directory searched), just before the Python project that builds it.
   */
  private void addMaturinCrates() {
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      Optional<MaturinLayout> layout =
          f.kind() == ProjectKind.PYTHON ? MaturinLayout.read(f.dir(), top) : Optional.empty();
      Optional<MaturinLayout.Crate> extension = layout.flatMap(MaturinLayout::crate);
      if (extension.isEmpty()) {
        continue;
      }
      List<String> roots = extension.get().rustRoots(top);
      if (found.stream()
          .noneMatch(r -> r.kind() == ProjectKind.RUST && roots.contains(r.project().root()))) {
        Path root = extension.get().cargoRoot();
        found.add(
            i,
            new Found(
                ProjectKind.RUST,
                root,
                StarterStages.project(ProjectKind.RUST, root, relative(root))));
        i++;
      }
    }
  }

  private boolean coveredAbove(ProjectKind kind, Path dir) {
    for (Found f : found) {
      if (f.kind() == kind && !f.dir().equals(dir) && dir.startsWith(f.dir()) && covers(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean covers(Found f) {
    return switch (f.kind()) {
      case RUST -> BuildFiles.hasTable(BuildFiles.text(f.dir().resolve("Cargo.toml")), "workspace");
      case NODE -> BuildFiles.hasNpmWorkspaces(f.dir().resolve("package.json"));
      default -> COVERS_BELOW.contains(f.kind());
    };
  }

  private String relative(Path dir) {
    return MaturinLayout.relative(top, dir);
  }

  /** The same projects with unique, valid names taken from their roots' directory names. */
  private static List<StarterProject> named(List<StarterProject> projects, Path top) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> bases = new ArrayList<>();
    for (StarterProject p : projects) {
      String base = EmbeddedDefault.projectName(top.resolve(p.root()).normalize());
      bases.add(base);
      counts.merge(base, 1, Integer::sum);
    }
    List<StarterProject> named = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < projects.size(); i++) {
      StarterProject p = projects.get(i);
      String name = counts.get(bases.get(i)) > 1 ? bases.get(i) + "-" + p.kind() : bases.get(i);
      String candidate = name;
      for (int n = 2; !taken.add(candidate); n++) {
        candidate = name + "-" + n;
      }
      named.add(p.withName(candidate));
    }
    return named;
  }
}
