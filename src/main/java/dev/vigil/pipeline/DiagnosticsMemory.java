package dev.vigil.pipeline;

import dev.vigil.report.Diagnostic;
import java.util.List;

/**
 * Remembers failures across runs: given a stage's fresh diagnostics, returns them with {@code seen}
 * set from recent history, so a recurring error can be called out.
 */
@FunctionalInterface
public interface DiagnosticsMemory {
  List<Diagnostic> annotate(String project, List<Diagnostic> found);

  /** Remembers nothing: every diagnostic is seen once, now. */
  DiagnosticsMemory NONE = (project, found) -> found;
}
