package dev.vigil.watch;

import dev.vigil.glob.GitignorePattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits gitignore text into compiled patterns the way git reads a file: a UTF-8 byte order mark is
 * skipped, CRLF is accepted, blank lines and lines starting with {@code #} are skipped, and
 * unescaped trailing spaces are trimmed.
 */
final class GitignoreParser {
  private GitignoreParser() {}

  /** Parses a whole file's bytes. */
  static List<GitignorePattern> parse(byte[] content) {
    List<GitignorePattern> patterns = new ArrayList<>();
    int start = 0;
    if (content.length >= 3
        && content[0] == (byte) 0xEF
        && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF) {
      start = 3;
    }
    int lineNumber = 1;
    for (int i = start; i <= content.length; i++) {
      if (i < content.length && content[i] != '\n') {
        continue;
      }
      if (i > start && content[start] != '#') {
        int end = content[i - 1] == '\r' ? i - 1 : i;
        byte[] line = trimTrailingSpaces(Arrays.copyOfRange(content, start, end));
        GitignorePattern p = GitignorePattern.compile(line, lineNumber);
        if (p != null) {
          patterns.add(p);
        }
      }
      lineNumber++;
      start = i + 1;
    }
    return patterns;
  }

  /** Removes trailing spaces that are not escaped with a backslash (git's rule). */
  static byte[] trimTrailingSpaces(byte[] line) {
    int lastSpace = -1;
    for (int i = 0; i < line.length; i++) {
      byte b = line[i];
      if (b == ' ') {
        if (lastSpace < 0) {
          lastSpace = i;
        }
      } else if (b == '\\') {
        i++;
        if (i >= line.length) {
          return line;
        }
        lastSpace = -1;
      } else {
        lastSpace = -1;
      }
    }
    return lastSpace < 0 ? line : Arrays.copyOf(line, lastSpace);
  }
}
