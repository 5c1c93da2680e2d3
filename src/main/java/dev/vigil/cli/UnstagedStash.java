package dev.vigil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Sets the work tree's unstaged changes to tracked files aside, so that the work tree holds what is
 * staged, and puts them back byte for byte (content, file mode, symlinks, deletions) when closed,
 * also when the check fails or the process is interrupted. Files are copied into the git dir and
 * copied back with a fresh modification time, so build tools see them as changed. Untracked files
 * stay where they are, as with pre-commit and lefthook.
 */
final class UnstagedStash implements AutoCloseable {
  private static final long GIT_SECONDS = 60;

  private final Map<String, String> env;
  private final Path top;
  private final Path backup;
  private final List<Entry> entries = new ArrayList<>();
  private final AtomicBoolean restored = new AtomicBoolean(true);
  private Thread onInterrupt;

  /** A file set aside: its path from the top, and its mode, or null when it was deleted. */
  private record Entry(String path, Set<PosixFilePermission> mode) {}

  private UnstagedStash(Map<String, String> env, Path top, Path gitDir) {
    this.env = env;
    this.top = top;
    this.backup = gitDir.resolve("vigil-unstaged-" + ProcessHandle.current().pid());
  }

  /** For the repository that contains {@code cwd}; the environment is git's (GIT_INDEX_FILE...). */
  static UnstagedStash create(Map<String, String> env, Path cwd) {
    String top = git(env, cwd, null, "rev-parse", "--show-toplevel").strip();
    String gitDir = git(env, cwd, null, "rev-parse", "--absolute-git-dir").strip();
    return new UnstagedStash(env, Path.of(top), Path.of(gitDir));
  }

  /**
   * Sets the unstaged changes aside; returns their paths (relative to the top of the work tree).
   */
  List<String> setAside() {
    String listed =
        git(env, top, null, "diff", "--name-only", "-z", "--no-renames", "--ignore-submodules");
    List<String> paths = new ArrayList<>();
    for (String p : listed.split("\0")) {
      if (!p.isEmpty()) {
        paths.add(p);
      }
    }
    if (paths.isEmpty()) {
      return paths;
    }
    onInterrupt = new Thread(this::restore, "vigil-restore-unstaged");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    restored.set(false);
    try {
      for (String p : paths) {
        Path file = top.resolve(p);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          Path copy = backup.resolve(p);
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
          entries.add(
              new Entry(
                  p,
                  Files.isSymbolicLink(file)
                      ? Set.of()
                      : Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)));
        } else {
          entries.add(new Entry(p, null));
        }
      }
    } catch (IOException e) {
      restore();
      throw new UserError(
          "cannot set the unstaged changes aside in " + backup + ": " + e.getMessage(), e);
    }
    String nulList = String.join("\0", paths) + "\0";
    git(
        env,
        top,
        nulList,
        "--literal-pathspecs",
        "checkout",
        "--pathspec-from-file=-",
        "--pathspec-file-nul",
        "--");
    return paths;
  }

  /** Puts the unstaged changes back; harmless to repeat. */
  @Override
  public void close() {
    restore();
    if (onInterrupt != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it restored
      }
    }
  }

  private void restore() {
    if (!restored.compareAndSet(false, true)) {
      return;
    }
    List<String> failed = new ArrayList<>();
    for (Entry e : entries) {
      try {
        Path file = top.resolve(e.path());
        if (e.mode() == null) {
          Files.deleteIfExists(file);
          continue;
        }
        Path copy = backup.resolve(e.path());
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        if (Files.isSymbolicLink(copy)) {
          Files.createSymbolicLink(file, Files.readSymbolicLink(copy));
        } else {
          Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(file, e.mode());
        }
      } catch (IOException | RuntimeException ex) {
        failed.add(e.path() + " (" + ex.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new UserError(
          "could not put back the unstaged changes of "
              + String.join(", ", failed)
              + "; copies are in "
              + backup);
    }
    deleteTree(backup);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover copy in the git dir harms nothing
    }
  }

  /** Runs git in {@code dir}, {@code stdin} fed when given; its output, or a UserError. */
  private static String git(Map<String, String> env, Path dir, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    try {
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new UserError("git " + String.join(" ", args) + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new UserError(
            "git " + String.join(" ", args) + " failed in " + dir + ": " + err.strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while running git", e);
    }
  }
}
