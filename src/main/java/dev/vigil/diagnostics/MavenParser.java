package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code maven} format: compiler plugin lines {@code [ERROR] /abs/File.java:[12,5] message},
 * with a leading {@code [code]} (javac lint, Error Prone) taken as the code. Maven prints each
 * compile error twice; the repeat is dropped.
 */
final class MavenParser extends LineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^\\[(?<sev>ERROR|WARNING|WARN|INFO)\\] (?<file>\\S.*?):\\[(?<line>\\d+)(?:,(?<col>\\d+))?\\]"
              + "\\s*(?<msg>.*)$");
  private static final Pattern DETAIL =
      Pattern.compile("^\\[(?:ERROR|WARNING)\\]\\s+symbol:\\s+(.+)$");

  private static final Pattern LOCATION =
      Pattern.compile("^\\[(?:ERROR|WARNING)\\]\\s+location:.*");

  private PendingDiagnostic pending;

  MavenParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    if (!line.startsWith("[")) {
      return;
    }
    Matcher m = LINE.matcher(line);
    if (m.matches()) {
      flush();
      String[] code = Locations.leadingCode(m.group("msg"));
      pending =
          new PendingDiagnostic(
              m.group("file"),
              Locations.number(m.group("line")),
              Locations.number(m.group("col")),
              Severity.of(m.group("sev")),
              code[0],
              code[1]);
      return;
    }
    Matcher detail = DETAIL.matcher(line);
    if (pending != null && detail.matches()) {
      pending = pending.withDetail("symbol: " + detail.group(1).strip());
    } else if (!LOCATION.matcher(line).matches()) {
      flush();
    }
  }

  @Override
  void end() {
    flush();
  }

  private void flush() {
    if (pending != null) {
      pending.addTo(sink);
      pending = null;
    }
  }
}
