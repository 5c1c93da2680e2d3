package dev.vigil.cli;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the projects named by {@code --project}, all of them when none is named. */
final class ProjectChoice {
  private ProjectChoice() {}

  static List<ProjectConfig> choose(VigilConfig config, List<String> names) {
    if (names.isEmpty()) {
      return config.projects();
    }
    List<ProjectConfig> out = new ArrayList<>();
    for (String name : names) {
      out.add(
          config
              .project(name)
              .orElseThrow(
                  () ->
                      new UserError(
                          "unknown project '"
                              + name
                              + "'"
                              + config.file().map(f -> " in " + f).orElse("")
                              + "; projects: "
                              + config.projects().stream()
                                  .map(ProjectConfig::name)
                                  .collect(Collectors.joining(", ")))));
    }
    return out;
  }
}
