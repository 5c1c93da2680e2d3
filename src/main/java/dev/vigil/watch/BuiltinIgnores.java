package dev.vigil.watch;

/**
 * Rules that apply whatever the ignore files say: anything inside or named {@code .git} (a
 * directory, or the file a worktree or submodule has), {@code .hg} and {@code .svn} directories at
 * any depth, and editor noise files.
 */
final class BuiltinIgnores {
  private BuiltinIgnores() {}

  /** Whether the '/'-separated relative path is ignored by a built-in rule. */
  static boolean isIgnored(String rel, boolean isDir) {
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
        return !isDir && EditorNoise.isNoise(rel.substring(start));
      }
      start = end + 1;
    }
    return false;
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
