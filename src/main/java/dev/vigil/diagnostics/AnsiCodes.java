package dev.vigil.diagnostics;

import java.util.regex.Pattern;

/**
 * Removes terminal colour and other escape sequences from a line of tool output: CSI ({@code ESC [
 * ... m}), OSC ({@code ESC ] ... BEL}) and character-set designations ({@code ESC ( B}, which
 * rustfmt writes after each coloured line).
 */
final class AnsiCodes {
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
              + "|\u001B[()*+][0-9A-Za-z]");

  private AnsiCodes() {}

  static String strip(String line) {
    if (line.indexOf('\u001B') < 0) {
      return line;
    }
    return ESCAPES.matcher(line).replaceAll("").replace("\u001B", "");
  }
}
