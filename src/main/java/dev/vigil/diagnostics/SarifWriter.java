package dev.vigil.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.files.OwnerOnly;
import dev.vigil.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a project's diagnostics as a SARIF 2.1.0 log that code-scanning tools and editors read:
 * one run by the tool "vigil", a rule per code, paths relative to {@code %SRCROOT%}. The file is
 * replaced atomically (temp file, then rename).
 */
public final class SarifWriter {
  /** The schema the written log names. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifWriter() {}

  /**
   * Writes a finished run's diagnostics as the project's latest, to {@code
   * STATE_DIR/diagnostics/PROJECT.sarif}; a cancelled run leaves the last one in place.
   */
  public static void writeLatest(Path stateDir, Path root, dev.vigil.run.RunRecord run)
      throws IOException {
    if (run.result() == RunResult.CANCELLED) {
      return;
    }
    List<StageDiagnostics> stages =
        run.stages().stream().map(s -> new StageDiagnostics(s.name(), s.diagnostics())).toList();
    write(
        stateDir.resolve("diagnostics").resolve(run.project() + ".sarif"),
        run.project(),
        root,
        stages);
  }

  /**
   * Writes the log to {@code file}, creating its directory if needed.
   *
   * @param project the project's name, recorded in the run's automation details
   * @param root the project root that relative paths start from
   * @throws IOException naming the file when it cannot be written
   */
  public static void write(Path file, String project, Path root, List<StageDiagnostics> stages)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode log = new SarifLog(mapper, root).build(project, stages);
    byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(log);
    try {
      OwnerOnly.replace(file, bytes);
    } catch (IOException e) {
      throw new IOException("cannot write SARIF log " + file + ": " + e, e);
    }
  }
}
