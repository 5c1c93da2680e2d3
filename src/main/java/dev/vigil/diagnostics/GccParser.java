package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gcc} and {@code clang} formats: {@code file:line:col: error: message [-Wflag]}; the
 * flag becomes the code. Undefined references from the linker are errors in the file that makes
 * them, without a line. Source excerpts, caret lines and "In function" headers are skipped.
 */
final class GccParser extends LineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^(?<file>(?:[A-Za-z]:)?[^\\s:][^:]*):(?<line>\\d+)(?::(?<col>\\d+))?: "
              + "(?<sev>fatal error|error|warning|note): (?<msg>.*)$");

  /** {@code main.c:(.text+0x5): undefined reference to `f'}, as ld reports a missing symbol. */
  static final Pattern LINKER =
      Pattern.compile("^(?<file>[^\\s:]+):\\([^)]*\\): (?<msg>undefined reference to .*)$");

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
      Matcher linker = line.contains("undefined reference") ? LINKER.matcher(line) : null;
      if (linker != null && linker.matches()) {
        sink.add(linker.group("file"), 0, 0, Severity.ERROR, "", linker.group("msg"));
      }
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
        LineNumbers.parse(m.group("line")),
        LineNumbers.parse(m.group("col")),
        Severity.of(m.group("sev").replace("fatal ", "")),
        code,
        message);
  }
}
