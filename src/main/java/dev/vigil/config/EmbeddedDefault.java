package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The config used when none is found: the directory's stages, detected from its build files. */
public final class EmbeddedDefault {
  private EmbeddedDefault() {}

  /**
   * A commented vigil.yaml for {@code dir}, with stages for every kind of build file found there;
   * {@code onPath} tells whether an optional tool (such as {@code ruff}) is installed.
   */
  public static String yamlFor(Path dir, Predicate<String> onPath) {
    Path absolute = dir.toAbsolutePath().normalize();
    List<ProjectKind> kinds = detect(absolute);
    StringBuilder out = new StringBuilder();
    out.append("# vigil config for ").append(absolute).append('\n');
    out.append(detectedLine(kinds));
    out.append("# On every save vigil runs the stages below, fail-fast: a stage runs only when\n");
    out.append("# the stages it `needs` have passed. Durations take a unit: 50ms, 2s, 10m.\n");
    out.append("# Check edits with `vigil check-config`.\n");
    out.append("version: 1\n\n");
    out.append("# Settings every project inherits; a project may override them.\n");
    appendDefaults(out);
    out.append("\nprojects:\n");
    out.append("  - name: ").append(quote(projectName(absolute))).append('\n');
    out.append("    # The project root, relative to this file.\n");
    out.append("    root: .\n");
    appendIgnore(out, kinds);
    out.append("    stages:\n");
    appendStages(out, absolute, kinds, onPath);
    return out.toString();
  }

  /**
   * The default config for {@code dir}, validated as if read from {@code dir/vigil.yaml}; an error
   * when no build file is found there.
   */
  public static VigilConfig forDirectory(Path dir, Predicate<String> onPath)
      throws ConfigException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (detect(absolute).isEmpty()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  absolute,
                  1,
                  1,
                  "no config file and no build file found in this directory (looked for "
                      + String.join(", ", ProjectKind.allBuildFiles())
                      + "); write a vigil.yaml (`vigil init` writes one) or pass --config FILE")));
    }
    VigilConfig parsed =
        ConfigLoader.parse(absolute.resolve("vigil.yaml"), yamlFor(absolute, onPath));
    return new VigilConfig(Optional.empty(), parsed.maxParallelRuns(), parsed.projects());
  }

  /** A {@code defaults:} block holding every inheritable key at its built-in value, commented. */
  static void appendDefaults(StringBuilder out) {
    out.append("defaults:\n");
    for (ConfigKey key : ConfigKey.values()) {
      if (key.allowedIn(Section.DEFAULTS)) {
        out.append("  # ").append(key.docIn(Section.DEFAULTS));
        if (!key.choices().isEmpty()) {
          out.append(" One of: ").append(String.join(", ", key.choices())).append('.');
        }
        out.append('\n').append("  ").append(key.key()).append(": ");
        out.append(key.defaultText()).append('\n');
      }
    }
  }

  private static List<ProjectKind> detect(Path dir) {
    List<ProjectKind> kinds = new ArrayList<>();
    for (ProjectKind kind : ProjectKind.values()) {
      if (kind.detectedIn(dir)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  private static String detectedLine(List<ProjectKind> kinds) {
    if (kinds.isEmpty()) {
      return "# No build file found (looked for "
          + String.join(", ", ProjectKind.allBuildFiles())
          + "):\n# replace the placeholder stage below with your own commands.\n";
    }
    return "# Detected: "
        + kinds.stream().map(ProjectKind::label).collect(Collectors.joining(", "))
        + ".\n";
  }

  private static void appendIgnore(StringBuilder out, List<ProjectKind> kinds) {
    Set<String> ignore = new LinkedHashSet<>();
    kinds.forEach(k -> ignore.addAll(k.buildOutput()));
    if (ignore.isEmpty()) {
      return;
    }
    out.append("    # Build output the stages write (gitignore syntax, on top of .gitignore\n");
    out.append("    # files), so a stage's own output never starts another run.\n");
    out.append("    ignore:\n");
    ignore.forEach(line -> out.append("      - ").append(quote(line)).append('\n'));
  }

  private static void appendStages(
      StringBuilder out, Path dir, List<ProjectKind> kinds, Predicate<String> onPath) {
    if (kinds.isEmpty()) {
      out.append("      - name: check\n");
      out.append("        run: ").append(quote("echo 'edit vigil.yaml: add your stages'"));
      out.append('\n');
      return;
    }
    boolean prefix = kinds.size() > 1;
    if (prefix) {
      out.append("      # Each kind is its own fail-fast chain: a failure in one does not stop\n");
      out.append("      # the others.\n");
    }
    for (ProjectKind kind : kinds) {
      List<ProjectKind.Stage> stages = kind.stages(dir, onPath);
      out.append("      # ").append(kind.label()).append(": ");
      out.append(stages.stream().map(ProjectKind.Stage::run).collect(Collectors.joining(", ")));
      out.append(stages.size() > 1 ? "; each needs the one before.\n" : ".\n");
      String previous = null;
      for (ProjectKind.Stage stage : stages) {
        String name = prefix ? kind.label() + "-" + stage.name() : stage.name();
        out.append("      - name: ").append(quote(name)).append('\n');
        out.append("        run: ").append(quote(stage.run())).append('\n');
        if (previous != null) {
          out.append("        needs: [").append(quote(previous)).append("]\n");
        }
        previous = name;
      }
    }
  }

  /** A name for the project from its directory, reduced to the characters names allow. */
  static String projectName(Path dir) {
    String raw = dir.getFileName() == null ? "" : dir.getFileName().toString();
    String name = raw.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
    return name.isEmpty() ? "project" : name;
  }

  /** {@code text} as a double-quoted YAML scalar. */
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
