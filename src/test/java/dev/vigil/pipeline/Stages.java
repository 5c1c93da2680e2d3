package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small configs for pipeline tests. */
final class Stages {
  private Stages() {}

  static StageConfig stage(String name, String run) {
    return new StageConfig(
        name,
        run,
        List.of(),
        List.of(),
        Duration.ofMinutes(1),
        Duration.ofSeconds(1),
        RetryPolicy.NONE,
        Map.of(),
        "none");
  }

  static ProjectConfig project(Path root, StageConfig... stages) {
    return TestProjects.at(root).stages(stages).build();
  }
}
