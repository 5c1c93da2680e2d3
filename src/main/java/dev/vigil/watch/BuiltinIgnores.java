package dev.vigil.watch;

/**
 * Rules of vigil's own: anything inside or named {@code .git} (a directory, or the file a worktree
 * or submodule has), {@code .hg} and {@code .svn} directories at any depth, whatever the ignore
 * files say; and editor noise files, unless an ignore file's negation takes them back.
 */
final class BuiltinIgnores {
  private BuiltinIgnores() {}

  /** Whether the '/'-separated relative path is a version control directory or inside one. */
  static boolean isVcs(String rel, boolean isDir) {
    int start = 0;
    int n = rel.length();
    while (start <= n) {
      int end = rel.indexOf('/', start);
      boolean last = end < 0;
      if (last) {
        end = n;
      }
      if (isVcs(rel, start, end, !last || isDir)) {
        return true;
      }
      if (last) {
        return false;
      }
      start = end + 1;
    }
    return false;
  }

  /** Whether the '/'-separated relative path names an editor or tool noise file. */
  static boolean isNoise(String rel, boolean isDir) {
    return !isDir && EditorNoise.isNoise(rel.substring(rel.lastIndexOf('/') + 1));
  }

  private static boolean isVcs(String rel, int start, int end, boolean dir) {
    int len = end - start;
    if (len == 4 && rel.startsWith(".git", start)) {
      return true;
    }
    return dir
        && ((len == 3 && rel.startsWith(".hg", start))
            || (len == 4 && rel.startsWith(".svn", start)));
  }
}
