package dev.vigil.pipeline;

import dev.vigil.diagnostics.FixMemory;
import dev.vigil.run.Diagnostic;
import java.util.List;

/**
 * Remembers failures across runs: given a stage's fresh diagnostics, returns them with {@code seen}
 * set from recent history, so a recurring error can be called out.
 */
@FunctionalInterface
public interface DiagnosticsMemory {
  List<Diagnostic> annotate(String project, List<Diagnostic> found);

  /**
   * The same for a finished stage of a run; {@code decisive} when the stage ran to its end (passed
   * or failed), so what it did not report is gone. A memory that keeps fixes records them here.
   */
  default List<Diagnostic> annotate(
      FixMemory.StageRun stage, boolean decisive, List<Diagnostic> found) {
    return annotate(stage.project(), found);
  }

  /** Remembers nothing: every diagnostic is seen once, now. */
  DiagnosticsMemory NONE = (project, found) -> found;
}
