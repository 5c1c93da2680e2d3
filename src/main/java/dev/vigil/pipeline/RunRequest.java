package dev.vigil.pipeline;

import dev.vigil.run.Trigger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a run is asked to do.
 *
 * @param runId unique within the state dir, e.g. {@code engine-42}
 * @param trigger why it runs, with the changed paths as the record lists them (at most 10,000)
 * @param queuedAt when it was asked for
 * @param stateDir where {@code runs/RUN_ID/STAGE.log} go
 * @param changed every changed path, relative to the root: what the stages get
 */
public record RunRequest(
    String runId, Trigger trigger, Instant queuedAt, Path stateDir, List<String> changed) {
  public RunRequest {
    changed = List.copyOf(changed);
  }

  /** A request whose changed paths are those its trigger lists. */
  public RunRequest(String runId, Trigger trigger, Instant queuedAt, Path stateDir) {
    this(runId, trigger, queuedAt, stateDir, trigger.changed());
  }

  /** The run's folder in the state dir. */
  Path runDir() {
    return runDir(stateDir, runId);
  }

  static Path runDir(Path stateDir, String runId) {
    return stateDir.resolve("runs").resolve(runId);
  }
}
