package dev.vigil.diagnostics;

import java.util.Locale;

/** How bad a diagnostic is, as run records spell it. */
enum Severity {
  ERROR,
  WARNING,
  NOTE;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a tool's word for it; anything unknown counts as an error. */
  static Severity of(String word) {
    if (word == null) {
      return ERROR;
    }
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "warning", "warn" -> WARNING;
      case "note", "info", "hint", "help" -> NOTE;
      default -> ERROR;
    };
  }
}
