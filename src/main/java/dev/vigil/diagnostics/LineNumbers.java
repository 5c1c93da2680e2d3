package dev.vigil.diagnostics;

/** The line and column numbers the format parsers read from tool output. */
final class LineNumbers {
  private LineNumbers() {}

  /** A line or column number, or 0 when absent or out of range. */
  static int parse(String digits) {
    if (digits == null || digits.isEmpty() || digits.length() > 9) {
      return 0;
    }
    return Integer.parseInt(digits);
  }
}
