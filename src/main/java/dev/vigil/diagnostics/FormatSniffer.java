package dev.vigil.diagnostics;

import java.util.regex.Pattern;

/**
 * Recognizes which tool printed a line, for the {@code auto} format. Only lines that name one tool
 * for sure count; {@code file:line: message} alone is left to the generic fallback.
 */
final class FormatSniffer {
  private static final Pattern JAVAC_MARK =
      Pattern.compile(".*\\.java:\\d+: (?:error|warning): .*");
  private static final Pattern GO_MARK =
      Pattern.compile("^\\s*(?:vet: )?(?:\\./)?[^\\s:]+\\.go:\\d+(?::\\d+)?: .*");
  private static final Pattern PYTEST_MARK =
      Pattern.compile("^=+ (?:test session starts|FAILURES|ERRORS|short test summary info) =+$");

  private FormatSniffer() {}

  /** The format this line shows, or null when it shows none for sure. */
  static Format sniff(String line) {
    if (line.startsWith(CargoJsonParser.PREFIX)) {
      return Format.CARGO_JSON;
    }
    if (line.startsWith("=")) {
      return PYTEST_MARK.matcher(line).matches() ? Format.PYTEST : null;
    }
    if (line.indexOf(':') < 0) {
      return null;
    }
    if (line.startsWith("Diff in ") && RustfmtHunks.HEADER.matcher(line).matches()) {
      return Format.RUSTC;
    }
    if (line.startsWith("[") && MavenParser.LINE.matcher(line).matches()) {
      return Format.MAVEN;
    }
    if (line.contains("--> ") && RustcParser.ARROW.matcher(line).matches()) {
      return Format.RUSTC;
    }
    if (line.contains(".rs:") && RustcParser.SHORT.matcher(line).matches()) {
      return Format.RUSTC;
    }
    if (line.contains(".java:") && JAVAC_MARK.matcher(line).matches()) {
      return Format.JAVAC;
    }
    if (line.contains(".go:")) {
      return GO_MARK.matcher(line).matches() ? Format.GO : null;
    }
    if (GccParser.LINE.matcher(line).matches()
        || (line.contains("undefined reference") && GccParser.LINKER.matcher(line).matches())) {
      return Format.GCC;
    }
    boolean pytest = line.contains(".py") && PytestParser.SUMMARY.matcher(line).matches();
    return pytest ? Format.PYTEST : null;
  }
}
