package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gcc} and {@code clang} formats: {@code file:line:col: error: message [-Wflag]}; the
 * flag becomes the code. Source excerpts, caret lines and "In function" headers are skipped.
 */
final class GccParser extends LineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^(?<file>(?:[A-Za-z]:)?[^\\s:][^:]*):(?<line>\\d+)(?::(?<col>\\d+))?: "
              + "(?<sev>fatal error|error|warning|note): (?<msg>.*)$");
  private static final Pattern FLAG =
      Pattern.compile("^(?<msg>.*?)\\s*\\[(?<flag>-[^\\]\\s]+)\\]$");

  GccParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    if (line.isEmpty() || line.charAt(0) == ' ' || line.indexOf(':') < 0) {
      return;
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return;
    }
    String message = m.group("msg");
    String code = "";
    Matcher flag = FLAG.matcher(message);
    if (flag.matches()) {
      message = flag.group("msg");
      String flags = flag.group("flag");
      code = flags.substring(flags.lastIndexOf(',') + 1);
    }
    sink.add(
        m.group("file"),
        Locations.number(m.group("line")),
        Locations.number(m.group("col")),
        Severity.of(m.group("sev").replace("fatal ", "")),
        code,
        message);
  }
}
