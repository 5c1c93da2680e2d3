package dev.vigil.glob;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code watch} or {@code when} pattern: one {@code .gitignore} line, read as git reads it, that
 * selects files instead of ignoring them. Matched against '/'-separated paths relative to the
 * project root. A pattern without a slash (other than a trailing one) matches a name at any depth
 * ({@code *.rs}, {@code Cargo.toml}); any other is anchored at the root ({@code src/*.rs}, {@code
 * /Cargo.toml}). {@code *} and {@code ?} stay within one name; {@code **} as a whole path segment
 * crosses directories ({@code src/**}, {@code **}{@code /target/**}), elsewhere it is a {@code *}.
 * A pattern that matches a directory ({@code src/}, {@code tests}, {@code src/*}) selects every
 * file below it, as an ignored directory ignores everything in it. Syntax as git's wildmatch:
 * classes ({@code [a-z]}, {@code [!ab]}, {@code [[:digit:]]}) and backslash escapes.
 */
public final class Glob {
  private static final byte[] ROOT = new byte[0];

  private final String text;
  private final GitignorePattern pattern;

  private Glob(String text, GitignorePattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException if {@link #problem} finds one (a validated config has none)
   */
  public static Glob of(String text) {
    Optional<GlobSyntax.Problem> problem = problem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("pattern `" + text + "`: " + problem.get().message());
    }
    return new Glob(text, GitignorePattern.compile(text));
  }

  /** What keeps {@code text} from being a pattern that can match, if anything. */
  public static Optional<GlobSyntax.Problem> problem(String text) {
    if (text.isEmpty() || text.equals("/")) {
      return Optional.of(
          new GlobSyntax.Problem(0, "an empty pattern matches nothing; write `**` for every file"));
    }
    if (text.startsWith("!")) {
      return Optional.of(
          new GlobSyntax.Problem(
              0,
              "a leading `!` (negation) works in `ignore:` only; list what to leave out there,"
                  + " or write `\\!` for a name that starts with `!`"));
    }
    return GlobSyntax.check(text);
  }

  /** True when the file at this relative path, or a directory above it, matches. */
  public boolean matches(String relativePath) {
    byte[] path = relativePath.getBytes(StandardCharsets.UTF_8);
    int end = path.length;
    boolean directory = false;
    while (end > 0) {
      int name = end - 1;
      while (name > 0 && path[name - 1] != '/') {
        name--;
      }
      if (pattern.matches(path, end, name, directory, ROOT)) {
        return true;
      }
      end = name - 1;
      directory = true;
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
