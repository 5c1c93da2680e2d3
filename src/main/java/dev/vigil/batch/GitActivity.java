package dev.vigil.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Tells whether git is busy rewriting the work tree of a project (checkout, reset, stash, merge, or
 * a rebase that is applying commits), so that the burst of events it causes becomes one batch.
 *
 * <p>Busy means {@code index.lock} exists, or a rebase directory ({@code rebase-merge}, {@code
 * rebase-apply}) exists while the rebase is not stopped for the user ({@code REBASE_HEAD} or {@code
 * rebase-merge/stopped-sha} mark a stop). {@code MERGE_HEAD}, {@code CHERRY_PICK_HEAD}, {@code
 * REVERT_HEAD} and {@code BISECT_LOG} are deliberately not counted: they stay while the user
 * resolves conflicts or tests a bisect step, and those edits deserve runs of their own. A {@code
 * .git} file ({@code gitdir: ...}, as in worktrees and submodules) is followed.
 */
public final class GitActivity implements BooleanSupplier {
  private final Path root;

  /** Probes the repository whose work tree is {@code root}; no repository means never busy. */
  public GitActivity(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Whether a git operation is writing the work tree right now. */
  @Override
  public boolean getAsBoolean() {
    Path gitDir = gitDir();
    if (gitDir == null) {
      return false;
    }
    if (Files.exists(gitDir.resolve("index.lock"))) {
      return true;
    }
    boolean rebasing =
        Files.isDirectory(gitDir.resolve("rebase-merge"))
            || Files.isDirectory(gitDir.resolve("rebase-apply"));
    boolean stopped =
        Files.exists(gitDir.resolve("REBASE_HEAD"))
            || Files.exists(gitDir.resolve("rebase-merge").resolve("stopped-sha"));
    return rebasing && !stopped;
  }

  private Path gitDir() {
    Path dotGit = root.resolve(".git");
    if (Files.isDirectory(dotGit)) {
      return dotGit;
    }
    if (!Files.isRegularFile(dotGit)) {
      return null;
    }
    try {
      String content = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
      if (!content.startsWith("gitdir:")) {
        return null;
      }
      return root.resolve(content.substring("gitdir:".length()).trim()).normalize();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
