package dev.vigil.glob;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The POSIX class names of bracket expressions ({@code [:alpha:]} and friends), ASCII only. */
final class CharClass {
  /** The names git knows, as written between {@code [:} and {@code :]}. */
  static final List<String> NAMES =
      List.of(
          "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
          "upper", "xdigit");

  private CharClass() {}

  static boolean isName(String name) {
    return NAMES.contains(name);
  }

  /** Returns 1 if {@code c} is in the named class, 0 if not, -1 if the name is unknown. */
  static int test(byte[] pat, int start, int len, int c) {
    String name = new String(pat, start, len, StandardCharsets.ISO_8859_1);
    int in =
        switch (name) {
          case "alnum" -> isAlpha(c) || isDigit(c) ? 1 : 0;
          case "alpha" -> isAlpha(c) ? 1 : 0;
          case "blank" -> c == ' ' || c == '\t' ? 1 : 0;
          case "cntrl" -> c < 0x20 || c == 0x7F ? 1 : 0;
          case "digit" -> isDigit(c) ? 1 : 0;
          case "graph" -> c > 0x20 && c < 0x7F ? 1 : 0;
          case "lower" -> c >= 'a' && c <= 'z' ? 1 : 0;
          case "print" -> c >= 0x20 && c < 0x7F ? 1 : 0;
          case "punct" -> c > 0x20 && c < 0x7F && !isAlpha(c) && !isDigit(c) ? 1 : 0;
          case "space" -> c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
          case "upper" -> c >= 'A' && c <= 'Z' ? 1 : 0;
          case "xdigit" -> isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? 1 : 0;
          default -> -1;
        };
    return in;
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
