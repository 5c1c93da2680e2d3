package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the format parsers put what they find: paths made relative to the root, fingerprints
 * computed, exact repeats dropped, and at most {@link #LIMIT} kept.
 */
final class Sink {
  /** The most diagnostics kept for one stage. */
  static final int LIMIT = 1000;

  static final int MAX_MESSAGE = 2000;

  /** The most characters of a tool's own rendering kept with a diagnostic. */
  static final int MAX_RENDERED = 8000;

  /** The most notes kept with a diagnostic. */
  static final int MAX_NOTES = 20;

  private final SourcePaths paths;
  private final List<Diagnostic> found = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  Sink(Path root) {
    this.paths = new SourcePaths(root);
  }

  void add(String file, int line, int column, Severity severity, String code, String message) {
    add(file, line, column, severity, code, message, Extent.NONE);
  }

  /** A diagnostic with the end of its span, the other places it names and its fixes. */
  void add(
      String file,
      int line,
      int column,
      Severity severity,
      String code,
      String message,
      Extent extent) {
    String text = bounded(message.strip(), MAX_MESSAGE);
    String relative = paths.relativize(file);
    // An editor needs a line to show a problem at: a file without one points at its start.
    int at = !relative.isEmpty() && line < 1 ? 1 : line;
    String key = relative + '\0' + at + '\0' + column + '\0' + severity + '\0' + code + '\0' + text;
    if (keys.contains(key)) {
      return;
    }
    if (found.size() >= LIMIT) {
      return;
    }
    keys.add(key);
    String fingerprint = Fingerprints.fingerprint(relative, code, text);
    found.add(
        new Diagnostic(
            relative,
            at,
            column,
            severity.label(),
            code,
            text,
            fingerprint,
            /* seen= */ 1,
            extent.endLine(),
            extent.endColumn(),
            extent.related().stream().map(this::relative).toList(),
            extent.suggestions().stream().map(this::relative).toList(),
            null,
            extent.notes().stream()
                .limit(MAX_NOTES)
                .map(n -> bounded(n.strip(), MAX_MESSAGE))
                .toList(),
            bounded(extent.rendered().stripTrailing(), MAX_RENDERED)));
  }

  private static String bounded(String text, int limit) {
    return text.length() > limit ? text.substring(0, limit) + "…" : text;
  }

  private Diagnostic.Span relative(Diagnostic.Span span) {
    return new Diagnostic.Span(
        paths.relativize(span.file()),
        span.line(),
        span.column(),
        span.endLine(),
        span.endColumn(),
        span.label());
  }

  private Diagnostic.Suggestion relative(Diagnostic.Suggestion suggestion) {
    return new Diagnostic.Suggestion(
        suggestion.message(),
        suggestion.edits().stream()
            .map(e -> new Diagnostic.Edit(relative(e.span()), e.replacement()))
            .toList());
  }

  /** True once the limit is reached: nothing more can be added, so input may be skipped. */
  boolean full() {
    return found.size() >= LIMIT;
  }

  List<Diagnostic> result() {
    return List.copyOf(found);
  }
}
