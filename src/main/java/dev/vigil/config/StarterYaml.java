package dev.vigil.config;

import static dev.vigil.config.EmbeddedDefault.quote;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the commented vigil.yaml that {@code vigil init} leaves next to the projects. */
public final class StarterYaml {
  private StarterYaml() {}

  /** The config text for {@code projects}, found under {@code dir}; roots are relative to it. */
  public static String render(Path dir, List<StarterProject> projects) {
    StringBuilder out = new StringBuilder();
    out.append("# vigil config, written by `vigil init` for ")
        .append(dir.toAbsolutePath().normalize())
        .append('\n');
    out.append(
        """
        #
        # vigil watches every project below and, on each save, runs its stages fail-fast:
        # a stage starts once the stages it `needs` have passed, and a failure skips
        # everything that needs it. `when` limits a stage to changes matching its globs
        # (relative to the project root); `ignore` takes .gitignore lines, added on top of
        # the .gitignore files, so the tools' own output never starts a run. A project with
        # `after` also runs when those projects' runs pass. Roots are relative to this file.
        # `cache: true` answers a check from the stage cache when nothing it reads changed
        # (see docs/cache.md); stages that build or install something are never cached.
        # Durations take a unit: 50ms, 2s, 10m. Check edits with `vigil check-config`.
        version: 1

        # Settings every project inherits (these are the built-in values); a project may
        # override debounce, max_wait, on_busy, run_on_start, timeout and kill_grace.
        """);
    EmbeddedDefault.appendDefaults(out);
    out.append("\nprojects:\n");
    for (StarterProject p : projects) {
      project(out, p);
    }
    return out.toString();
  }

  private static void project(StringBuilder out, StarterProject p) {
    out.append("  # ").append(p.kind()).append(" at ").append(p.root()).append(":\n");
    p.detected().forEach(line -> out.append("  #   ").append(line).append('\n'));
    out.append("  - name: ").append(quote(p.name())).append('\n');
    out.append("    root: ").append(quote(p.root())).append('\n');
    list(out, "    ", "watch", p.watch());
    list(out, "    ", "ignore", p.ignore());
    list(out, "    ", "after", p.after());
    out.append("    stages:\n");
    for (StarterStage s : p.stages()) {
      out.append("      # ").append(s.why()).append('\n');
      s.missingTool().ifPresent(t -> out.append("      # ").append(t.notOnPath()).append('\n'));
      out.append("      - name: ").append(quote(s.name())).append('\n');
      out.append("        run: ").append(quote(s.run())).append('\n');
      list(out, "        ", "needs", s.needs());
      list(out, "        ", "when", s.when());
      if (s.format() != null) {
        out.append("        format: ").append(s.format()).append('\n');
      }
      if (s.cache()) {
        out.append("        cache: true\n");
      }
    }
    out.append('\n');
  }

  private static void list(StringBuilder out, String indent, String key, List<String> items) {
    if (!items.isEmpty()) {
      out.append(indent)
          .append(key)
          .append(": [")
          .append(items.stream().map(EmbeddedDefault::quote).collect(Collectors.joining(", ")))
          .append("]\n");
    }
  }
}
