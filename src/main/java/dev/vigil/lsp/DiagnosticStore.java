package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * What each stage of each project last reported, by file. A stage's new result replaces its old
 * one; the files whose lists changed are published again, so a fixed problem is cleared.
 */
final class DiagnosticStore {
  /** One diagnostic as published, with the run record's JSON form it came from. */
  record Entry(String uri, Diagnostic lsp, JsonNode original, Path root) {}

  private record StageKey(String project, String stage) {}

  private final Predicate<Path> shown;
  private final Map<StageKey, List<Entry>> byStage = new HashMap<>();

  /** {@code shown}: which files the editor wants diagnostics for (its workspace folders). */
  DiagnosticStore(Predicate<Path> shown) {
    this.shown = shown;
  }

  /**
   * Replaces what {@code stage} of {@code project} reported; returns the publications that bring
   * the editor up to date (every file that had or has one of its diagnostics).
   */
  synchronized List<PublishDiagnosticsParams> replace(
      String project, String stage, Path root, JsonNode diagnostics) {
    List<Entry> fresh = new ArrayList<>();
    for (JsonNode d : diagnostics) {
      LspDiagnostics.file(root, d)
          .filter(shown)
          .ifPresent(
              file ->
                  fresh.add(
                      new Entry(
                          Uris.of(file), LspDiagnostics.toLsp(root, project, stage, d), d, root)));
    }
    Set<String> touched = new LinkedHashSet<>();
    List<Entry> old = byStage.put(new StageKey(project, stage), fresh);
    if (old != null) {
      old.forEach(e -> touched.add(e.uri()));
    }
    fresh.forEach(e -> touched.add(e.uri()));
    List<PublishDiagnosticsParams> out = new ArrayList<>();
    for (String uri : touched) {
      out.add(new PublishDiagnosticsParams(uri, lspAt(uri)));
    }
    return out;
  }

  /** Every diagnostic currently shown for a file. */
  synchronized List<Entry> at(String uri) {
    List<Entry> out = new ArrayList<>();
    for (List<Entry> entries : byStage.values()) {
      for (Entry e : entries) {
        if (e.uri().equals(uri)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private List<Diagnostic> lspAt(String uri) {
    return at(uri).stream().map(Entry::lsp).toList();
  }
}
