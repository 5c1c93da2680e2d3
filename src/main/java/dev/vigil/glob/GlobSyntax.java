package dev.vigil.glob;

import java.util.Optional;

/**
 * Checks a pattern's syntax the way {@link Wildmatch} reads it, so that a pattern which could never
 * match (git quietly accepts those) is reported where it is written instead.
 */
public final class GlobSyntax {
  /**
   * What is wrong with a pattern.
   *
   * @param index 0-based position in the pattern of the character at fault
   * @param message what is wrong and what to write instead
   */
  public record Problem(int index, String message) {
    Problem shifted(int by) {
      return new Problem(index + by, message);
    }
  }

  private GlobSyntax() {}

  /** The first syntax problem of a wildmatch pattern, if any. */
  public static Optional<Problem> check(String pattern) {
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 == n) {
          return Optional.of(
              new Problem(
                  i, "ends in a `\\` that escapes nothing; write `\\\\` for a literal backslash"));
        }
        i++;
      } else if (c == '[') {
        Bracket bracket = bracket(pattern, i);
        if (bracket.problem != null) {
          return Optional.of(bracket.problem);
        }
        i = bracket.end;
      }
    }
    return Optional.empty();
  }

  /** The problem of one {@code .gitignore}-style line: a leading {@code !} negates, as in git. */
  public static Optional<Problem> checkIgnoreLine(String line) {
    if (line.startsWith("!")) {
      return check(line.substring(1)).map(p -> p.shifted(1));
    }
    return check(line);
  }

  private record Bracket(int end, Problem problem) {}

  /** Reads the class opened at {@code open} exactly as {@link Wildmatch} does. */
  private static Bracket bracket(String pat, int open) {
    Problem unclosed =
        new Problem(
            open, "`[` opens a character class that is never closed; write `\\[` for a `[`");
    int p = open + 1;
    int pCh = at(pat, p);
    if (pCh == '!' || pCh == '^') {
      pCh = at(pat, ++p);
    }
    int prevCh = 0;
    do {
      if (pCh == 0) {
        return new Bracket(-1, unclosed);
      }
      if (pCh == '\\') {
        pCh = at(pat, ++p);
        if (pCh == 0) {
          return new Bracket(-1, unclosed);
        }
      } else if (pCh == '-' && prevCh != 0 && at(pat, p + 1) != 0 && at(pat, p + 1) != ']') {
        pCh = at(pat, ++p);
        if (pCh == '\\' && at(pat, ++p) == 0) {
          return new Bracket(-1, unclosed);
        }
        pCh = 0;
      } else if (pCh == '[' && at(pat, p + 1) == ':') {
        int s = p += 2;
        while (at(pat, p) != 0 && at(pat, p) != ']') {
          p++;
        }
        if (at(pat, p) == 0) {
          return new Bracket(-1, unclosed);
        }
        int len = p - s - 1;
        if (len < 0 || at(pat, p - 1) != ':') {
          p = s - 2;
          pCh = '[';
        } else {
          String name = pat.substring(s, s + len);
          if (!CharClass.isName(name)) {
            return new Bracket(
                -1,
                new Problem(
                    s - 2,
                    "unknown character class `[:"
                        + name
                        + ":]`; known: "
                        + String.join(", ", CharClass.NAMES)));
          }
          pCh = 0;
        }
      }
      prevCh = pCh;
      pCh = at(pat, ++p);
    } while (pCh != ']');
    return new Bracket(p, null);
  }

  private static int at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }
}
