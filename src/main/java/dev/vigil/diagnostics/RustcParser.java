package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rustc} format (cargo's human output, clippy's too): {@code error[E0308]: message}
 * followed by {@code --> file:line:col}; a clippy lint named in a {@code #[warn(...)]} note becomes
 * the code. Summaries such as "aborting due to" and "generated 1 warning" are skipped.
 */
final class RustcParser extends MultiLineParser {
  static final Pattern HEADER =
      Pattern.compile("^(?<sev>error|warning|note|help)(?:\\[(?<code>[^\\]]+)\\])?: (?<msg>.+)$");
  static final Pattern ARROW =
      Pattern.compile("^\\s*--> (?<file>.+?):(?<line>\\d+)(?::(?<col>\\d+))?$");
  private static final Pattern LINT =
      Pattern.compile("#\\[(?:warn|deny|forbid)\\((?<lint>[\\w:]+)\\)\\]");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^(?:aborting due to .*|could not compile .*|.*generated \\d+ warnings?.*"
              + "|\\d+ warnings? emitted|build failed.*|For more information .*)$");

  private boolean located;

  RustcParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    if (line.isEmpty()) {
      flush();
      return;
    }
    char first = line.charAt(0);
    if (first == 'e' || first == 'w' || first == 'n' || first == 'h') {
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        Severity severity = Severity.of(header.group("sev"));
        if (severity == Severity.NOTE && pending != null) {
          located = true; // a child note or help: its own --> does not move the parent
          return;
        }
        flush();
        String code = header.group("code");
        pending =
            new PendingDiagnostic(
                "", 0, 0, severity, code == null ? "" : code, header.group("msg"));
        located = false;
        return;
      }
    }
    if (pending == null) {
      return;
    }
    if (!located && line.contains("--> ")) {
      Matcher arrow = ARROW.matcher(line);
      if (arrow.matches()) {
        pending =
            pending.at(
                arrow.group("file"),
                LineNumbers.parse(arrow.group("line")),
                LineNumbers.parse(arrow.group("col")));
        located = true;
        return;
      }
    }
    Matcher lint = pending.code().isEmpty() ? LINT.matcher(line) : null;
    if (lint != null && lint.find()) {
      pending = pending.withCode(lint.group("lint"));
    }
  }

  /** A diagnostic without a location is kept only when it is a real error, not a summary. */
  @Override
  boolean keep(PendingDiagnostic diagnostic) {
    return located
        || (diagnostic.severity() == Severity.ERROR
            && !SUMMARY.matcher(diagnostic.message()).matches());
  }
}
