package dev.vigil.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository directory that holds {@code info/exclude} and {@code config}: {@code
 * ROOT/.git} when it is a directory, or the directory named by a {@code gitdir:} line when {@code
 * .git} is a file (worktrees, submodules), following {@code commondir} to the shared directory.
 */
final class GitDirs {
  private GitDirs() {}

  /** The common git directory of the repository at {@code root}, or null if there is none. */
  static Path commonDir(Path root) {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
    } else if (Files.isRegularFile(dotGit)) {
      String text = readFirstLine(dotGit);
      if (text == null || !text.startsWith("gitdir:")) {
        return null;
      }
      gitDir = root.resolve(text.substring("gitdir:".length()).strip()).normalize();
    } else {
      return null;
    }
    String common = readFirstLine(gitDir.resolve("commondir"));
    return common == null ? gitDir : gitDir.resolve(common.strip()).normalize();
  }

  private static String readFirstLine(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
