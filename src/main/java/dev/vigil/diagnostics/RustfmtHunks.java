package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rustfmt --check} (and {@code cargo fmt --check}) output: each {@code Diff in FILE:LINE:}
 * (older rustfmt: {@code Diff in FILE at line LINE:}) opens a hunk of context ({@code ' '}),
 * removed ({@code -}) and added ({@code +}) lines. Each hunk becomes one error at its first changed
 * line, with the hunk as its rendered text.
 */
final class RustfmtHunks {
  static final Pattern HEADER =
      Pattern.compile("^Diff in (?<file>.+?)(?::(?<line>\\d+):| at line (?<atLine>\\d+):)$");
  static final String CODE = "rustfmt";
  static final String MESSAGE = "not formatted as rustfmt would format it (cargo fmt fixes it)";

  private final Sink sink;
  private String file;
  private int line;
  private int leadingContext;
  private boolean changed;
  private final StringBuilder rendered = new StringBuilder();

  RustfmtHunks(Sink sink) {
    this.sink = sink;
  }

  /** Whether this line opens a hunk or belongs to the open one; if not, the open hunk ends. */
  boolean line(String text) {
    if (text.startsWith("Diff in ")) {
      Matcher header = HEADER.matcher(text);
      if (header.matches()) {
        flush();
        file = header.group("file");
        String at = header.group("line");
        line = LineNumbers.parse(at != null ? at : header.group("atLine"));
        leadingContext = 0;
        changed = false;
        rendered.append(text).append('\n');
        return true;
      }
    }
    if (file == null) {
      return false;
    }
    char first = text.isEmpty() ? '\0' : text.charAt(0);
    if (first != ' ' && first != '-' && first != '+') {
      flush();
      return false;
    }
    if (first == ' ' && !changed) {
      leadingContext++;
    } else {
      changed = true;
    }
    if (rendered.length() < Sink.MAX_RENDERED) {
      rendered.append(text).append('\n');
    }
    return true;
  }

  /** Hands the open hunk, if any, to the sink. */
  void flush() {
    if (file != null) {
      sink.add(
          file,
          line + leadingContext,
          0,
          Severity.ERROR,
          CODE,
          MESSAGE,
          Extent.text(java.util.List.of(), rendered.toString()));
    }
    file = null;
    rendered.setLength(0);
  }
}
