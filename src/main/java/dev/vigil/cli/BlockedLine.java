package dev.vigil.cli;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one line a git hook ends with when it stops a commit: {@code vigil: commit blocked: engine
 * clippy failed (src/lib.rs:4:5 mismatched types)}, one part per failed run.
 */
final class BlockedLine {
  private BlockedLine() {}

  static String of(String what, List<RunRecord> runs) {
    List<String> parts = new ArrayList<>();
    for (RunRecord run : runs) {
      if (!run.passed()) {
        parts.add(run.project() + " " + why(run));
      }
    }
    return "vigil: " + what + " blocked: " + String.join("; ", parts);
  }

  private static String why(RunRecord run) {
    Optional<StageRecord> stage =
        run.stages().stream().filter(s -> s.status().failing()).findFirst();
    if (stage.isEmpty()) {
      return String.valueOf(run.result());
    }
    StageRecord s = stage.get();
    String verb = s.status() == StageStatus.TIMEOUT ? " timed out" : " failed";
    return s.name() + verb + where(s).map(w -> " (" + w + ")").orElse("");
  }

  private static Optional<String> where(StageRecord stage) {
    Optional<Diagnostic> first =
        stage.diagnostics().stream()
            .filter(d -> "error".equals(d.severity()))
            .findFirst()
            .or(() -> stage.diagnostics().stream().findFirst());
    if (first.isPresent()) {
      Diagnostic d = first.get();
      String place = d.file() + (d.line() > 0 ? ":" + d.line() : "");
      place += d.line() > 0 && d.column() > 0 ? ":" + d.column() : "";
      return Optional.of(place + " " + firstLine(d.message()));
    }
    return stage.exitCode() == null
        ? Optional.empty()
        : Optional.of("exit " + stage.exitCode() + ", log " + stage.logFile());
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
