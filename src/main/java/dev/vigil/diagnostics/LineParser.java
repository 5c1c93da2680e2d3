package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.util.List;

/**
 * The shape every format parser shares: colour removed, each line handled, state flushed, and the
 * output's readable tail kept.
 */
abstract class LineParser implements DiagnosticParser {
  final Sink sink;
  private RenderedTail tail;

  LineParser(Sink sink) {
    this.sink = sink;
  }

  @Override
  public final void accept(String line) {
    if (line == null) {
      return;
    }
    if (tail == null) {
      tail = new RenderedTail();
    }
    tail.add(line);
    if (!sink.full()) {
      line(AnsiCodes.strip(line));
    }
  }

  @Override
  public final void accept(byte[] data, int start, int end) {
    LineBytes line = new LineBytes(data, start, end);
    boolean plain = LineBytes.plain(data, start, end);
    if (tail == null) {
      tail = new RenderedTail();
    }
    tail.add(line, plain);
    if (!sink.full()) {
      if (plain) {
        plainLine(line);
      } else {
        line(AnsiCodes.strip(line.text()));
      }
    }
  }

  @Override
  public final List<Diagnostic> finish() {
    end();
    return sink.result();
  }

  @Override
  public final String text() {
    return tail == null ? "" : tail.text();
  }

  /** Handles one line, already free of escape sequences. */
  abstract void line(String line);

  /**
   * Handles a line with neither an escape sequence nor a colon; by default as any other line. A
   * parser that has no use for such lines leaves them undecoded.
   */
  void plainLine(LineBytes line) {
    line(line.text());
  }

  /** Flushes whatever a multi-line diagnostic left pending. */
  void end() {}
}
