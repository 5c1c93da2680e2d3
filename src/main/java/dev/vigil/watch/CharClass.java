package dev.vigil.watch;

import java.nio.charset.StandardCharsets;

/** The POSIX class names of bracket expressions ({@code [:alpha:]} and friends), ASCII only. */
final class CharClass {
  private CharClass() {}

  /** Returns 1 if {@code c} is in the named class, 0 if not, -1 if the name is unknown. */
  static int test(byte[] pat, int start, int len, int c) {
    String name = new String(pat, start, len, StandardCharsets.ISO_8859_1);
    boolean in;
    switch (name) {
      case "alnum":
        in = isAlpha(c) || isDigit(c);
        break;
      case "alpha":
        in = isAlpha(c);
        break;
      case "blank":
        in = c == ' ' || c == '\t';
        break;
      case "cntrl":
        in = c < 0x20 || c == 0x7F;
        break;
      case "digit":
        in = isDigit(c);
        break;
      case "graph":
        in = c > 0x20 && c < 0x7F;
        break;
      case "lower":
        in = c >= 'a' && c <= 'z';
        break;
      case "print":
        in = c >= 0x20 && c < 0x7F;
        break;
      case "punct":
        in = c > 0x20 && c < 0x7F && !isAlpha(c) && !isDigit(c);
        break;
      case "space":
        in = c == ' ' || (c >= '\t' && c <= '\r');
        break;
      case "upper":
        in = c >= 'A' && c <= 'Z';
        break;
      case "xdigit":
        in = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        break;
      default:
        return -1;
    }
    return in ? 1 : 0;
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
