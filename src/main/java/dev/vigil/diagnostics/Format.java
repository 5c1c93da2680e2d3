package dev.vigil.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats a stage can declare. */
enum Format {
  AUTO("auto"),
  NONE("none"),
  CARGO_JSON("cargo-json"),
  RUSTC("rustc"),
  JAVAC("javac"),
  MAVEN("maven"),
  GCC("gcc"),
  CLANG("clang"),
  PYTEST("pytest"),
  GO("go"),
  GENERIC("generic");

  private final String label;

  Format(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * The format with this name; null or blank means {@code auto}.
   *
   * @throws IllegalArgumentException naming the value and the known formats
   */
  static Format of(String name) {
    if (name == null || name.isBlank()) {
      return AUTO;
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.label.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown diagnostics format '"
            + name
            + "'; expected one of "
            + Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", ")));
  }
}
