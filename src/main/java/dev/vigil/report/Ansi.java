package dev.vigil.report;

import java.util.regex.Pattern;

/** Colours for a terminal, or none: every method returns plain text when colour is off. */
final class Ansi {
  static final String RED = "31";
  static final String GREEN = "32";
  static final String YELLOW = "33";
  static final String DIM = "2";
  static final String BOLD = "1";

  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
              + "|\u001B[()*+][0-9A-Za-z]");

  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  String paint(String code, String text) {
    return enabled ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
  }

  /** Text from a tool's output: escape sequences kept on a terminal, removed otherwise. */
  String passThrough(String text) {
    return enabled ? text : ESCAPES.matcher(text).replaceAll("").replace("\u001B", "");
  }
}
