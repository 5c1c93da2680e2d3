package dev.vigil.glob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One compiled gitignore line, matched exactly as git's {@code dir.c} does: a pattern without a
 * slash matches the base name at any depth (literal and {@code *suffix} fast paths), any other
 * pattern matches the path relative to its file's directory, with a literal-prefix fast path.
 */
public final class GitignorePattern {
  private final byte[] pattern;
  private final int noWildcardLength;
  private final boolean negative;
  private final boolean mustBeDir;
  private final boolean noDir;
  private final boolean endsWith;
  private final String line;
  private final int lineNumber;

  private GitignorePattern(byte[] raw, String line, int lineNumber) {
    int start = 0;
    boolean neg = false;
    if (raw.length > 0 && raw[0] == '!') {
      neg = true;
      start = 1;
    }
    int len = raw.length - start;
    boolean dirOnly = false;
    if (len > 0 && raw[start + len - 1] == '/') {
      len--;
      dirOnly = true;
    }
    this.pattern = Arrays.copyOfRange(raw, start, start + len);
    this.negative = neg;
    this.mustBeDir = dirOnly;
    boolean slash = false;
    for (byte b : pattern) {
      slash |= b == '/';
    }
    this.noDir = !slash;
    this.noWildcardLength = simpleLength(pattern, 0);
    this.endsWith = len > 0 && pattern[0] == '*' && simpleLength(pattern, 1) == len;
    this.line = line;
    this.lineNumber = lineNumber;
  }

  /** Compiles one already trimmed, non-comment line; null if it can never match anything. */
  public static GitignorePattern compile(byte[] trimmed, int lineNumber) {
    GitignorePattern p =
        new GitignorePattern(trimmed, new String(trimmed, StandardCharsets.UTF_8), lineNumber);
    return p.pattern.length == 0 ? null : p;
  }

  /** Compiles a pattern given as text, as written (no trailing spaces are trimmed). */
  public static GitignorePattern compile(String text) {
    return compile(text.getBytes(StandardCharsets.UTF_8), 0);
  }

  public boolean negative() {
    return negative;
  }

  /**
   * Whether the last component of the pattern is made of wildcards only ({@code *}, {@code **},
   * {@code dir/*}): a pattern that matches any name rather than naming some.
   */
  public boolean anyName() {
    int from = 0;
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i] == '/') {
        from = i + 1;
      }
    }
    for (int i = from; i < pattern.length; i++) {
      if (pattern[i] != '*' && pattern[i] != '?') {
        return false;
      }
    }
    return true;
  }

  /** The line as written in the file (after trailing-space trimming). */
  public String line() {
    return line;
  }

  public int lineNumber() {
    return lineNumber;
  }

  private static int simpleLength(byte[] p, int from) {
    for (int i = from; i < p.length; i++) {
      byte b = p[i];
      if (b == '*' || b == '?' || b == '[' || b == '\\') {
        return i;
      }
    }
    return p.length;
  }

  /**
   * Whether this pattern matches {@code path[0, pathLen)} (relative to the tree root), whose base
   * name starts at {@code basenameStart}; {@code base} is the pattern file's directory relative to
   * the root, without a trailing slash (empty for the root).
   */
  public boolean matches(byte[] path, int pathLen, int basenameStart, boolean isDir, byte[] base) {
    if (mustBeDir && !isDir) {
      return false;
    }
    return noDir ? matchBasename(path, basenameStart, pathLen) : matchPathname(path, pathLen, base);
  }

  private boolean matchBasename(byte[] path, int start, int end) {
    int baseLen = end - start;
    int len = pattern.length;
    if (noWildcardLength == len) {
      return len == baseLen && regionEquals(pattern, 0, path, start, len);
    }
    if (endsWith) {
      return len - 1 <= baseLen && regionEquals(pattern, 1, path, end - (len - 1), len - 1);
    }
    return Wildmatch.matches(pattern, 0, len, path, start, end, false);
  }

  private boolean matchPathname(byte[] path, int pathLen, byte[] base) {
    int pStart = 0;
    int pLen = pattern.length;
    int prefix = noWildcardLength;
    if (pattern[0] == '/') {
      pStart = 1;
      pLen--;
      prefix--;
    }
    int baseLen = base.length;
    if (pathLen < baseLen + 1
        || (baseLen > 0 && path[baseLen] != '/')
        || !regionEquals(path, 0, base, 0, baseLen)) {
      return false;
    }
    int name = baseLen > 0 ? baseLen + 1 : 0;
    int nameLen = pathLen - name;
    if (prefix > 0) {
      if (prefix > nameLen || !regionEquals(pattern, pStart, path, name, prefix)) {
        return false;
      }
      pStart += prefix;
      pLen -= prefix;
      name += prefix;
      nameLen -= prefix;
      if (pLen == 0 && nameLen == 0) {
        return true;
      }
    }
    return Wildmatch.matches(pattern, pStart, pStart + pLen, path, name, name + nameLen, true);
  }

  private static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int len) {
    return Arrays.equals(a, aFrom, aFrom + len, b, bFrom, bFrom + len);
  }

  @Override
  public String toString() {
    return lineNumber > 0 ? lineNumber + ":" + line : line;
  }
}
