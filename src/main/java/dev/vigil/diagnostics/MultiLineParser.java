package dev.vigil.diagnostics;

/**
 * A parser whose diagnostics span several lines: a header opens one, later lines add to it, and it
 * is handed to the sink when the next header, an unrelated line or the end arrives.
 */
abstract class MultiLineParser extends LineParser {
  /** The diagnostic being read, or null between diagnostics. */
  PendingDiagnostic pending;

  MultiLineParser(Sink sink) {
    super(sink);
  }

  @Override
  void end() {
    flush();
  }

  /** Hands the pending diagnostic to the sink, if it is worth keeping, and forgets it. */
  void flush() {
    if (pending != null && keep(pending)) {
      pending.addTo(sink);
    }
    pending = null;
  }

  /** Whether a finished diagnostic is reported; all of them unless a format says otherwise. */
  boolean keep(PendingDiagnostic diagnostic) {
    return true;
  }
}
