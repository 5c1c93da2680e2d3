package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins a maturin/PyO3 layout: a Python project whose pyproject.toml builds with maturin runs after
 * the Rust project of its extension crate (the crate's Cargo workspace, when it is a member), and
 * builds the extension before its type checks and tests. Where one project's root holds the other,
 * each keeps out of the other's files.
 */
final class MaturinPairs {
  static final List<String> PYTHON_WATCH =
      List.of("**/*.py", "**/*.pyi", "pyproject.toml", "ruff.toml", "mypy.ini", "pytest.ini");
  static final List<String> RUST_WATCH = List.of("**/*.rs", "**/Cargo.toml", "Cargo.lock");

  /** What Python tools write below a Rust project's root: never a Rust change. */
  static final List<String> PYTHON_CACHES =
      List.of(".venv/", "venv/", "__pycache__/", ".pytest_cache/", ".ruff_cache/", ".mypy_cache/");

  private MaturinPairs() {}

  static List<StarterProject> pair(List<StarterProject> projects, Path top) {
    List<StarterProject> out = new ArrayList<>(projects);
    for (int i = 0; i < out.size(); i++) {
      StarterProject python = out.get(i);
      Path dir = top.resolve(python.root()).normalize();
      Optional<MaturinLayout> read =
          python.kind().equals("python") ? MaturinLayout.read(dir, top) : Optional.empty();
      if (read.isEmpty()) {
        continue;
      }
      MaturinLayout layout = read.get();
      Optional<MaturinLayout.Crate> extension = layout.crate();
      int rust = extension.map(c -> rustProject(out, c.rustRoots(top))).orElse(-1);
      if (rust < 0) {
        out.set(i, python.withDetected(layout.notes()));
        continue;
      }
      StarterProject crate = out.get(rust);
      Path crateDir = top.resolve(crate.root()).normalize();
      List<String> detected = new ArrayList<>(layout.notes());
      detected.add(
          "runs after `"
              + crate.name()
              + "` passes and builds the extension with `maturin develop`");
      detected.add("watches only Python files; Rust changes reach it through `after`");
      StarterProject paired =
          python
              .withDetected(detected)
              .withWatch(PYTHON_WATCH)
              .withAfter(List.of(crate.name()))
              .withStages(StarterStages.maturinPython(dir, extension.get().develop()));
      // `maturin develop` writes into the virtualenv, also when it is venv/ rather than .venv/.
      paired = paired.withIgnored(List.of("venv/"));
      out.set(i, crateDir.startsWith(dir) ? paired.withIgnored(List.of("target/")) : paired);
      out.set(rust, withPython(crate, crateDir, python.name(), dir, extension.get(), top));
    }
    return out;
  }

  /**
   * The Rust project, narrowed to Rust files when its root holds the Python project's, with a note
   * when its Cargo.toml keeps {@code cargo test} from linking.
   */
  private static StarterProject withPython(
      StarterProject crate,
      Path crateDir,
      String python,
      Path dir,
      MaturinLayout.Crate extension,
      Path top) {
    List<String> notes = new ArrayList<>();
    StarterProject out = crate;
    if (extension.extensionModuleAlwaysOn(dir)) {
      notes.add(
          MaturinLayout.relative(top, extension.dir())
              + "/Cargo.toml turns on pyo3's extension-module feature: if `cargo test` fails to"
              + " link, turn it on from [tool.maturin] features = [\"pyo3/extension-module\"]"
              + " instead");
    }
    if (dir.startsWith(crateDir)) {
      notes.add(
          (crateDir.equals(dir)
                  ? "shares its root with `" + python + "`"
                  : "holds `" + python + "` in " + MaturinLayout.relative(crateDir, dir) + "/")
              + ": watches only Rust files and ignores the Python tools' caches");
      out = out.withWatch(RUST_WATCH).withIgnored(PYTHON_CACHES);
    }
    return out.withDetected(notes);
  }

  /** The index of the Rust project with the first of {@code roots} as its root, or -1. */
  private static int rustProject(List<StarterProject> projects, List<String> roots) {
    for (String root : roots) {
      for (int i = 0; i < projects.size(); i++) {
        StarterProject p = projects.get(i);
        if (p.kind().equals("rust") && p.root().equals(root)) {
          return i;
        }
      }
    }
    return -1;
  }
}
