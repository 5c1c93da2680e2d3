package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.util.List;

/**
 * The diagnostics of one stage, as SARIF export takes them.
 *
 * @param stage the stage's name
 * @param diagnostics what its output yielded
 */
public record StageDiagnostics(String stage, List<Diagnostic> diagnostics) {
  public StageDiagnostics {
    diagnostics = List.copyOf(diagnostics);
  }
}
