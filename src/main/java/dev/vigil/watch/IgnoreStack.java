package dev.vigil.watch;

import dev.vigil.glob.GitignorePattern;
import java.nio.charset.StandardCharsets;

/**
 * All ignore files of one tree in git's precedence order, deciding like {@code git check-ignore}:
 * parent directories are judged first and an excluded parent settles the answer; otherwise the
 * first match wins among the config entries, the {@code .gitignore} files from the deepest ancestor
 * up, {@code .git/info/exclude}, then the global excludes file.
 */
final class IgnoreStack {
  private final IgnoreFile config;
  private final DirIgnoreFiles dirFiles;
  private final IgnoreFile infoExclude;
  private final IgnoreFile global;

  /**
   * @param dirFiles the tree's {@code .gitignore} files, read as the directories are looked into
   */
  IgnoreStack(
      IgnoreFile config, DirIgnoreFiles dirFiles, IgnoreFile infoExclude, IgnoreFile global) {
    this.config = config;
    this.dirFiles = dirFiles;
    this.infoExclude = infoExclude;
    this.global = global;
  }

  DirIgnoreFiles dirFiles() {
    return dirFiles;
  }

  IgnoreFile config() {
    return config;
  }

  IgnoreFile infoExclude() {
    return infoExclude;
  }

  IgnoreFile global() {
    return global;
  }

  /**
   * The pattern that decides the path ('/'-separated, relative to the root, not empty), or null if
   * none matches. A positive pattern means ignored; a negative one means explicitly not ignored.
   */
  GitignorePattern decide(String rel, boolean isDir) {
    byte[] path = rel.getBytes(StandardCharsets.UTF_8);
    int depth = 1;
    for (byte b : path) {
      if (b == '/') {
        depth++;
      }
    }
    IgnoreFile[] chain = new IgnoreFile[depth];
    chain[0] = dirFiles.get("");
    int level = 0;
    int nameStart = 0;
    int charSlash = -1;
    for (int i = 0; i <= path.length; i++) {
      if (i < path.length && path[i] != '/') {
        continue;
      }
      boolean last = i == path.length;
      GitignorePattern m = matchAt(path, i, nameStart, last ? isDir : true, chain, level);
      if (last || (m != null && !m.negative())) {
        return m;
      }
      charSlash = rel.indexOf('/', charSlash + 1);
      level++;
      chain[level] = dirFiles.get(rel.substring(0, charSlash));
      nameStart = i + 1;
    }
    throw new AssertionError("unreachable");
  }

  private GitignorePattern matchAt(
      byte[] path, int len, int nameStart, boolean isDir, IgnoreFile[] chain, int level) {
    GitignorePattern m = config.lastMatch(path, len, nameStart, isDir);
    for (int i = level; m == null && i >= 0; i--) {
      if (chain[i] != null) {
        m = chain[i].lastMatch(path, len, nameStart, isDir);
      }
    }
    if (m == null) {
      m = infoExclude.lastMatch(path, len, nameStart, isDir);
    }
    if (m == null) {
      m = global.lastMatch(path, len, nameStart, isDir);
    }
    return m;
  }
}
