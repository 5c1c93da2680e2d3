package dev.vigil.watch;

import dev.vigil.glob.GitignorePattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** The compiled patterns of one ignore file, with the directory its patterns are relative to. */
final class IgnoreFile {
  static final IgnoreFile EMPTY = new IgnoreFile("(none)", "", List.of());

  private final String source;
  private final byte[] base;
  private final GitignorePattern[] patterns;

  /**
   * @param source a name for messages, such as {@code src/.gitignore}
   * @param base the directory relative to the tree root, '/'-separated, no trailing slash
   */
  IgnoreFile(String source, String base, List<GitignorePattern> patterns) {
    this.source = source;
    this.base = base.getBytes(StandardCharsets.UTF_8);
    this.patterns = patterns.toArray(new GitignorePattern[0]);
  }

  /**
   * Reads an ignore file; a missing file, a symbolic link (git does not follow those in the tree)
   * or a directory gives {@code null}.
   */
  static IgnoreFile read(Path file, String source, String base, boolean followLinks)
      throws IOException {
    LinkOption[] options =
        followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    if (!Files.isRegularFile(file, options)) {
      return null;
    }
    return new IgnoreFile(source, base, GitignoreParser.parse(Files.readAllBytes(file)));
  }

  String source() {
    return source;
  }

  boolean isEmpty() {
    return patterns.length == 0;
  }

  /** The last pattern of this file that matches the path, or null. */
  GitignorePattern lastMatch(byte[] path, int pathLen, int basenameStart, boolean isDir) {
    for (int i = patterns.length - 1; i >= 0; i--) {
      if (patterns[i].matches(path, pathLen, basenameStart, isDir, base)) {
        return patterns[i];
      }
    }
    return null;
  }
}
