package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code maven} format: compiler plugin lines {@code [ERROR] /abs/File.java:[12,5] message},
 * with a leading {@code [code]} (javac lint, Error Prone) taken as the code. Maven prints each
 * compile error twice; the repeat is dropped.
 */
final class MavenParser extends MultiLineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^\\[(?<sev>ERROR|WARNING|WARN|INFO)\\] (?<file>\\S.*?):\\[(?<line>\\d+)(?:,(?<col>\\d+))?\\]"
              + "\\s*(?<msg>.*)$");
  private static final Pattern DETAIL =
      Pattern.compile("^(?:\\[(?:ERROR|WARNING)\\])?\\s+symbol:\\s+(.+)$");

  /** Lines that belong to the diagnostic above: indented, with or without a level prefix. */
  private static final Pattern CONTINUATION =
      Pattern.compile("^(?:\\[(?:ERROR|WARNING)\\])?\\s{2,}\\S");

  MavenParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    Matcher m = line.startsWith("[") ? LINE.matcher(line) : null;
    if (m != null && m.matches()) {
      flush();
      CodedMessage code = CodedMessage.split(m.group("msg"));
      pending =
          new PendingDiagnostic(
              m.group("file"),
              LineNumbers.parse(m.group("line")),
              LineNumbers.parse(m.group("col")),
              Severity.of(m.group("sev")),
              code.code(),
              code.text());
      return;
    }
    if (pending == null) {
      return;
    }
    Matcher detail = DETAIL.matcher(line);
    if (detail.matches()) {
      pending = pending.withDetail("symbol: " + detail.group(1).strip());
    } else if (!CONTINUATION.matcher(line).lookingAt()) {
      flush();
    }
  }
}
