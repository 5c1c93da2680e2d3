package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.util.List;

/**
 * What a tool says beyond the place: where the primary span ends, the other places it names, the
 * fixes it offers, its notes and help lines, and its own rendering of the whole problem.
 */
record Extent(
    int endLine,
    int endColumn,
    List<Diagnostic.Span> related,
    List<Diagnostic.Suggestion> suggestions,
    List<String> notes,
    String rendered) {
  static final Extent NONE = new Extent(0, 0, List.of(), List.of(), List.of(), "");

  Extent {
    related = List.copyOf(related);
    suggestions = List.copyOf(suggestions);
    notes = List.copyOf(notes);
  }

  /** Only notes and the tool's text, for formats that give no spans. */
  static Extent text(List<String> notes, String rendered) {
    return new Extent(0, 0, List.of(), List.of(), notes, rendered);
  }
}
