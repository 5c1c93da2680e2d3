package dev.vigil.pipeline;

import dev.vigil.report.Trigger;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a run is asked to do.
 *
 * @param runId unique within the state dir, e.g. {@code engine-42}
 * @param trigger why it runs, with the changed paths
 * @param queuedAt when it was asked for
 * @param stateDir where {@code runs/RUN_ID/STAGE.log} go
 */
public record RunRequest(String runId, Trigger trigger, Instant queuedAt, Path stateDir) {
  /** The run's folder in the state dir. */
  Path runDir() {
    return runDir(stateDir, runId);
  }

  static Path runDir(Path stateDir, String runId) {
    return stateDir.resolve("runs").resolve(runId);
  }
}
