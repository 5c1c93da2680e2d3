package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code generic} format: {@code file:line[:col]: [severity:] message}, the shape most tools
 * print. A line without a severity counts as an error.
 */
final class GenericParser extends LineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^\\s*(?<file>(?:[A-Za-z]:)?[^\\s:]+):(?<line>\\d+)(?::(?<col>\\d+))?:\\s*"
              + "(?:(?<sev>fatal error|error|warning|warn|note|info|hint)"
              + "(?:\\[(?<code>[^\\]\\s]+)\\])?\\s*:\\s*)?(?<msg>\\S.*)$",
          Pattern.CASE_INSENSITIVE);

  GenericParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    Matcher m = match(line);
    if (m != null) {
      CodedMessage code =
          m.group("code") != null
              ? new CodedMessage(m.group("code"), m.group("msg"))
              : CodedMessage.split(m.group("msg"));
      sink.add(
          m.group("file"),
          LineNumbers.parse(m.group("line")),
          LineNumbers.parse(m.group("col")),
          Severity.of(m.group("sev")),
          code.code(),
          code.text());
    }
  }

  @Override
  void plainLine(LineBytes line) {
    // no colon: no match
  }

  /** The match when the line looks like a diagnostic with a plausible path, else null. */
  static Matcher match(String line) {
    if (line.indexOf(':') < 0) {
      return null;
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String file = m.group("file");
    boolean pathLike = file.indexOf('.') >= 0 || file.indexOf('/') >= 0 || file.indexOf('\\') >= 0;
    if (!pathLike || file.contains("://") || file.length() > 400) {
      return null;
    }
    return m;
  }
}
