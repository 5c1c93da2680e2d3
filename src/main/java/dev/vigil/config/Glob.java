package dev.vigil.config;

import java.util.regex.Pattern;

/**
 * A path glob as used by {@code watch} and {@code when}: matched against '/'-separated paths
 * relative to the project root. {@code *} and {@code ?} stay within one path segment, {@code **}
 * crosses segments ({@code src/**}, {@code **}{@code /*.rs}), {@code [a-z]} is a class. A pattern
 * without a slash matches the file name at any depth, as in .gitignore: {@code *.rs} matches {@code
 * src/lib.rs}.
 */
public final class Glob {
  private final String text;
  private final Pattern regex;

  private Glob(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /** Compiles a glob; never fails (an unclosed class matches a literal '['). */
  public static Glob of(String text) {
    String body = text.startsWith("/") ? text.substring(1) : text;
    boolean anyDepth =
        !text.contains("/") || (text.endsWith("/") && text.indexOf('/') == text.length() - 1);
    if (body.endsWith("/")) {
      body = body + "**";
    }
    String re = translate(body);
    if (anyDepth) {
      re = "(?:.*/)?" + re;
    }
    return new Glob(text, Pattern.compile(re));
  }

  /** True when the relative path matches. */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  @Override
  public String toString() {
    return text;
  }

  private static String translate(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean dbl = i + 1 < n && glob.charAt(i + 1) == '*';
        if (dbl) {
          boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
          if (slashAfter) {
            re.append("(?:.*/)?");
            i += 3;
          } else {
            re.append(".*");
            i += 2;
          }
        } else {
          re.append("[^/]*");
          i++;
        }
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 2);
        if (close < 0) {
          re.append("\\[");
          i++;
        } else {
          String cls = glob.substring(i + 1, close);
          if (cls.startsWith("!")) {
            cls = "^" + cls.substring(1);
          }
          re.append('[').append(cls.replace("\\", "\\\\")).append(']');
          i = close + 1;
        }
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return re.toString();
  }
}
