package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code javac} format: {@code File.java:12: error: message}, then the source line and a caret
 * line that gives the column, then details such as {@code symbol: ...}.
 */
final class JavacParser extends MultiLineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^(?<file>(?:[A-Za-z]:)?[^\\s:][^:]*\\.java):(?<line>\\d+): (?<sev>error|warning|note): "
              + "(?<msg>.*)$");
  private static final Pattern SYMBOL = Pattern.compile("^\\s+symbol:\\s+(.+)$");

  private int linesSinceHeader;

  JavacParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    Matcher m = line.indexOf(".java:") > 0 ? LINE.matcher(line) : null;
    if (m != null && m.matches()) {
      flush();
      CodedMessage code = CodedMessage.split(m.group("msg"));
      pending =
          new PendingDiagnostic(
              m.group("file"),
              LineNumbers.parse(m.group("line")),
              0,
              Severity.of(m.group("sev")),
              code.code(),
              code.text());
      linesSinceHeader = 0;
      return;
    }
    if (pending == null) {
      return;
    }
    linesSinceHeader++;
    int caret = line.indexOf('^');
    if (linesSinceHeader == 2 && caret >= 0 && line.strip().equals("^")) {
      pending = pending.atColumn(caret + 1);
      return;
    }
    Matcher symbol = SYMBOL.matcher(line);
    if (symbol.matches()) {
      pending = pending.withDetail("symbol: " + symbol.group(1).strip());
    } else if (linesSinceHeader > 1 && (!line.startsWith(" ") || linesSinceHeader > 20)) {
      flush();
    }
  }
}
