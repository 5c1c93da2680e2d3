package dev.vigil.diagnostics;

import java.util.regex.Pattern;

/** Removes terminal colour and other escape sequences from a line of tool output. */
final class AnsiCodes {
  private static final Pattern ESCAPES =
      Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?");

  private AnsiCodes() {}

  static String strip(String line) {
    if (line.indexOf('\u001B') < 0) {
      return line;
    }
    return ESCAPES.matcher(line).replaceAll("").replace("\u001B", "");
  }
}
