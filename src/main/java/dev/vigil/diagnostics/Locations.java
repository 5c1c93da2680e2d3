package dev.vigil.diagnostics;

/** Small number and code helpers shared by the format parsers. */
final class Locations {
  private Locations() {}

  /** A line or column number, or 0 when absent or out of range. */
  static int number(String digits) {
    if (digits == null || digits.isEmpty() || digits.length() > 9) {
      return 0;
    }
    return Integer.parseInt(digits);
  }

  /**
   * Splits a leading {@code [code]} off a message, as javac lint and Error Prone write it: returns
   * {code, rest}, or {"", message} when there is none.
   */
  static String[] leadingCode(String message) {
    if (message.startsWith("[")) {
      int end = message.indexOf(']');
      if (end > 1 && end < 80 && message.indexOf(' ') > end) {
        return new String[] {message.substring(1, end), message.substring(end + 1).strip()};
      }
    }
    return new String[] {"", message};
  }
}
