package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.util.List;

/**
 * What a structured tool says beyond the place: where the primary span ends, the other places it
 * names and the fixes it offers.
 */
record Extent(
    int endLine,
    int endColumn,
    List<Diagnostic.Span> related,
    List<Diagnostic.Suggestion> suggestions) {
  static final Extent NONE = new Extent(0, 0, List.of(), List.of());

  Extent {
    related = List.copyOf(related);
    suggestions = List.copyOf(suggestions);
  }
}
