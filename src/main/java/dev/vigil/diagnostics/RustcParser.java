package dev.vigil.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rustc} format (cargo's human output, clippy's too): {@code error[E0308]: message}
 * followed by {@code --> file:line:col}; the primary span's label ({@code ^^^ expected `i32`})
 * joins the message, {@code = note:} and {@code = help:} lines and child notes become notes, and
 * the whole block is kept as the rendered text. A clippy lint named in a {@code #[warn(...)]} note
 * becomes the code. Summaries such as "aborting due to" and "generated 1 warning" are skipped.
 * {@code cargo fmt --check} hunks are read here too ({@link RustfmtHunks}).
 */
final class RustcParser extends MultiLineParser {
  static final Pattern HEADER =
      Pattern.compile("^(?<sev>error|warning|note|help)(?:\\[(?<code>[^\\]]+)\\])?: (?<msg>.+)$");
  static final Pattern ARROW =
      Pattern.compile("^\\s*--> (?<file>.+?):(?<line>\\d+)(?::(?<col>\\d+))?$");

  /** {@code --message-format=short}: {@code src/lib.rs:2:18: error[E0308]: message: label}. */
  static final Pattern SHORT =
      Pattern.compile(
          "^(?<file>[^\\s:][^:]*\\.rs):(?<line>\\d+):(?<col>\\d+): "
              + "(?<sev>error|warning|note|help)(?:\\[(?<code>[^\\]]+)\\])?: (?<msg>.+)$");

  private static final Pattern LABEL =
      Pattern.compile("^\\s*\\d*\\s*\\|[\\s\\-|]*\\^+ (?<label>.+)$");
  private static final Pattern NOTE = Pattern.compile("^\\s*= (?<note>(?:note|help): .+)$");
  private static final Pattern LINT =
      Pattern.compile("#\\[(?:warn|deny|forbid)\\((?<lint>[\\w:]+)\\)\\]");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^(?:aborting due to .*|could not compile .*|.*generated \\d+ warnings?.*"
              + "|\\d+ warnings? emitted|build failed.*|For more information .*)$");

  private final RustfmtHunks hunks;
  private final List<String> notes = new ArrayList<>();
  private final StringBuilder rendered = new StringBuilder();
  private boolean located;
  private boolean inChild;
  private String label = "";

  RustcParser(Sink sink) {
    super(sink);
    this.hunks = new RustfmtHunks(sink);
  }

  @Override
  void line(String line) {
    if (hunks.line(line)) {
      flush();
      return;
    }
    if (line.isEmpty()) {
      flush();
      return;
    }
    if (line.indexOf(".rs:") > 0) {
      Matcher shortLine = SHORT.matcher(line);
      if (shortLine.matches()) {
        flush();
        String code = shortLine.group("code");
        sink.add(
            shortLine.group("file"),
            LineNumbers.parse(shortLine.group("line")),
            LineNumbers.parse(shortLine.group("col")),
            Severity.of(shortLine.group("sev")),
            code == null ? "" : code,
            shortLine.group("msg"));
        return;
      }
    }
    char first = line.charAt(0);
    if (first == 'e' || first == 'w' || first == 'n' || first == 'h') {
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        Severity severity = Severity.of(header.group("sev"));
        if (severity == Severity.NOTE && pending != null) {
          // a child note or help: its own --> does not move the parent
          located = true;
          inChild = true;
          notes.add(line);
          render(line);
          return;
        }
        flush();
        String code = header.group("code");
        pending =
            new PendingDiagnostic(
                "", 0, 0, severity, code == null ? "" : code, header.group("msg"));
        render(line);
        return;
      }
    }
    if (pending == null) {
      return;
    }
    render(line);
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
    if (line.indexOf('|') >= 0 && line.indexOf('^') >= 0 && label.isEmpty() && !inChild) {
      Matcher primary = LABEL.matcher(line);
      if (primary.matches()) {
        String text = primary.group("label");
        if (text.startsWith("help: ") || text.startsWith("note: ")) {
          notes.add(text);
        } else {
          label = text;
        }
      }
    }
    Matcher note = line.indexOf('=') >= 0 ? NOTE.matcher(line) : null;
    if (note != null && note.matches()) {
      notes.add(note.group("note"));
    }
    Matcher lint = pending.code().isEmpty() ? LINT.matcher(line) : null;
    if (lint != null && lint.find()) {
      pending = pending.withCode(lint.group("lint"));
    }
  }

  @Override
  void flush() {
    PendingDiagnostic done = pending;
    if (done != null && keep(done)) {
      String message = label.isEmpty() ? done.message() : done.message() + ": " + label;
      sink.add(
          done.file(),
          done.line(),
          done.column(),
          done.severity(),
          done.code(),
          message,
          Extent.text(notes, rendered.toString()));
    }
    pending = null;
    located = false;
    inChild = false;
    label = "";
    notes.clear();
    rendered.setLength(0);
  }

  @Override
  void end() {
    super.end();
    hunks.flush();
  }

  private void render(String line) {
    if (rendered.length() < Sink.MAX_RENDERED) {
      rendered.append(line).append('\n');
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
