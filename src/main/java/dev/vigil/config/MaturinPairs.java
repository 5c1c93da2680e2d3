package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins a maturin/PyO3 layout: a Python project whose pyproject.toml builds with maturin runs after
 * the Rust project at or below it, and builds the extension before its tests.
 */
final class MaturinPairs {
  static final List<String> PYTHON_WATCH =
      List.of("**/*.py", "**/*.pyi", "pyproject.toml", "ruff.toml", "mypy.ini", "pytest.ini");
  static final List<String> RUST_WATCH = List.of("**/*.rs", "**/Cargo.toml", "Cargo.lock");

  private MaturinPairs() {}

  static List<StarterProject> pair(List<StarterProject> projects, Path top) {
    List<StarterProject> out = new ArrayList<>(projects);
    for (int i = 0; i < out.size(); i++) {
      StarterProject python = out.get(i);
      Path dir = top.resolve(python.root()).normalize();
      if (!python.kind().equals("python")
          || !BuildFiles.buildsWithMaturin(BuildFiles.text(dir.resolve("pyproject.toml")))) {
        continue;
      }
      int rust = closestRust(out, python.root());
      if (rust < 0) {
        continue;
      }
      StarterProject crate = out.get(rust);
      out.set(
          i,
          python.with(
              List.of(
                  "pyproject.toml builds with maturin: runs after `"
                      + crate.name()
                      + "` passes and builds the extension with `maturin develop`",
                  "watches only Python files; Rust changes reach it through `after`"),
              PYTHON_WATCH,
              List.of(crate.name()),
              StarterStages.maturinPython(dir)));
      if (crate.root().equals(python.root())) {
        out.set(
            rust,
            crate.with(
                List.of("shares its root with `" + python.name() + "`: watches only Rust files"),
                RUST_WATCH,
                crate.after(),
                crate.stages()));
      }
    }
    return out;
  }

  /** The index of the shallowest Rust project at or below {@code root}, or -1. */
  private static int closestRust(List<StarterProject> projects, String root) {
    int best = -1;
    int bestDepth = Integer.MAX_VALUE;
    for (int i = 0; i < projects.size(); i++) {
      StarterProject p = projects.get(i);
      boolean below = p.root().equals(root) || root.equals(".") || p.root().startsWith(root + "/");
      int depth = p.root().equals(".") ? 0 : p.root().split("/").length;
      if (p.kind().equals("rust") && below && depth < bestDepth) {
        best = i;
        bestDepth = depth;
      }
    }
    return best;
  }
}
