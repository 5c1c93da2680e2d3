package dev.vigil.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the crate of a pyproject.toml that builds with maturin is, found as maturin finds it: the
 * {@code [tool.maturin] manifest-path}, else a Cargo.toml with a {@code [package]} next to
 * pyproject.toml. Past that, {@code rust/} or the crate below that depends on pyo3 is taken, and
 * {@code maturin develop} is told so with {@code -m}.
 *
 * @param crate the extension's crate; empty when none was found
 * @param notes what was read, one comment line each
 */
record MaturinLayout(Optional<Crate> crate, List<String> notes) {
  private static final String DEVELOP = "maturin develop --quiet";
  private static final int MAX_DEPTH = 3;

  MaturinLayout {
    notes = List.copyOf(notes);
  }

  /**
   * The extension's crate.
   *
   * @param dir the directory of its Cargo.toml
   * @param cargoRoot the root of the Cargo workspace the crate is a member of, else the crate
   * @param develop the {@code maturin develop} command, run in the pyproject.toml's directory
   */
  record Crate(Path dir, Path cargoRoot, String develop) {
    /**
     * True when the crate's Cargo.toml turns on pyo3's {@code extension-module} feature and the
     * pyproject.toml in {@code pythonDir} does not: then cargo builds every test binary with it
     * too.
     */
    boolean extensionModuleAlwaysOn(Path pythonDir) {
      return BuildFiles.text(dir.resolve("Cargo.toml")).contains("extension-module")
          && !BuildFiles.text(pythonDir.resolve("pyproject.toml")).contains("extension-module");
    }

    /** The roots, relative to {@code top}, a Rust project for this crate may have: best first. */
    List<String> rustRoots(Path top) {
      return List.of(relative(top, cargoRoot), relative(top, dir));
    }
  }

  /** The layout of the Python project in {@code dir}; empty when it does not build with maturin. */
  static Optional<MaturinLayout> read(Path dir, Path top) {
    String pyproject = BuildFiles.text(dir.resolve("pyproject.toml"));
    if (!BuildFiles.buildsWithMaturin(pyproject)) {
      return Optional.empty();
    }
    List<String> notes = new ArrayList<>();
    String source = BuildFiles.tomlString(pyproject, "tool.maturin", "python-source");
    if (source != null) {
      notes.add("python-source = \"" + source + "\": the Python package is in " + source + "/");
    }
    String manifest = BuildFiles.tomlString(pyproject, "tool.maturin", "manifest-path");
    Path crate;
    String develop = DEVELOP;
    String how;
    if (manifest != null) {
      Path file = dir.resolve(manifest).normalize();
      if (!Files.isRegularFile(file)) {
        notes.add(
            "[tool.maturin] manifest-path = \""
                + manifest
                + "\" names no file: no `maturin develop` stage; fix it, then `vigil init --force`");
        return Optional.of(new MaturinLayout(Optional.empty(), notes));
      }
      crate = file.getParent();
      how = "[tool.maturin] manifest-path = \"" + manifest + "\"";
    } else if (BuildFiles.hasPackage(BuildFiles.text(dir.resolve("Cargo.toml")))) {
      crate = dir;
      how = "Cargo.toml next to pyproject.toml";
    } else {
      crate = guess(dir);
      if (crate == null) {
        notes.add(
            "builds with maturin, but no crate was found (no manifest-path in [tool.maturin], no"
                + " Cargo.toml with a [package] next to it or below): no `maturin develop` stage");
        return Optional.of(new MaturinLayout(Optional.empty(), notes));
      }
      String manifestArg = relative(dir, crate.resolve("Cargo.toml"));
      develop = DEVELOP + " -m " + manifestArg;
      how =
          "no manifest-path and no crate next to pyproject.toml; "
              + relative(dir, crate)
              + (BuildFiles.dependsOn(BuildFiles.text(crate.resolve("Cargo.toml")), "pyo3")
                  ? " depends on pyo3"
                  : " is the crate below it")
              + ", so `maturin develop` gets -m "
              + manifestArg;
    }
    Path root = workspaceRoot(crate, top);
    notes.add(
        how
            + ": the extension is the crate in "
            + relative(top, crate)
            + (root.equals(crate) ? "" : ", in the Cargo workspace at " + relative(top, root)));
    return Optional.of(new MaturinLayout(Optional.of(new Crate(crate, root, develop)), notes));
  }

  /** {@code to} relative to {@code from}, '/'-separated; {@code .} when they are the same. */
  static String relative(Path from, Path to) {
    String rel = from.relativize(to).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }

  /**
   * The nearest directory at or above {@code crate} whose Cargo.toml has a {@code [workspace]},
   * looking no higher than the directory {@code crate} and {@code top} have in common; else the
   * crate.
   */
  private static Path workspaceRoot(Path crate, Path top) {
    Path limit = top;
    while (limit != null && !crate.startsWith(limit)) {
      limit = limit.getParent();
    }
    for (Path dir = crate; dir != null && limit != null && dir.startsWith(limit); ) {
      if (BuildFiles.hasTable(BuildFiles.text(dir.resolve("Cargo.toml")), "workspace")) {
        return dir;
      }
      dir = dir.getParent();
    }
    return crate;
  }

  /** rust/ when it holds a crate, else the shallowest crate below that uses pyo3, else any. */
  private static Path guess(Path dir) {
    List<Path> crates = new ArrayList<>();
    List<Path> level = List.of(dir);
    for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
      List<Path> next = new ArrayList<>();
      for (Path d : level) {
        if (depth > 0 && BuildFiles.hasPackage(BuildFiles.text(d.resolve("Cargo.toml")))) {
          crates.add(d);
        }
        next.addAll(ProjectDetector.subdirectories(d));
      }
      level = next;
    }
    Path rust = dir.resolve("rust");
    if (crates.contains(rust)) {
      return rust;
    }
    return crates.stream()
        .filter(c -> BuildFiles.dependsOn(BuildFiles.text(c.resolve("Cargo.toml")), "pyo3"))
        .findFirst()
        .orElse(crates.isEmpty() ? null : crates.get(0));
  }
}
