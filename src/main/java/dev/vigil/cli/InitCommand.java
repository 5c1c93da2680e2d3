package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProjectDetector;
import dev.vigil.config.StarterProject;
import dev.vigil.config.StarterStage;
import dev.vigil.config.StarterTool;
import dev.vigil.config.StarterYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil init}: detects the projects in a directory and writes a starter vigil.yaml. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a starter vigil.yaml for the projects detected in DIR.",
      "Looks in DIR (default: the current directory) and up to three levels below, and writes"
          + " a commented vigil.yaml into DIR with stages for each project found.",
      "Exit 0 when written; 2 when nothing is detected or vigil.yaml exists (use --force)."
    })
final class InitCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory to scan.")
  Path dir;

  @Option(names = "--force", description = "Overwrite an existing vigil.yaml.")
  boolean force;

  InitCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException, ConfigException {
    Path target = dir == null ? ctx.cwd() : ctx.cwd().resolve(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(target)) {
      throw new UserError(target + " is not a directory");
    }
    Path file = target.resolve("vigil.yaml");
    if (Files.exists(file) && !force) {
      throw new UserError(file + " already exists; pass --force to overwrite it");
    }
    List<StarterProject> projects =
        ProjectDetector.detect(target, tool -> ConfigChoice.onPath(ctx, tool));
    if (projects.isEmpty()) {
      throw new UserError(
          "no project found in "
              + target
              + " or up to three levels below (looked for "
              + String.join(", ", ProjectDetector.buildFiles())
              + "); write vigil.yaml by hand (vigil's docs/configuration.md describes every key)");
    }
    String yaml = StarterYaml.render(target, projects);
    ConfigLoader.parse(file, yaml);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    printProjects(projects);
    printMissingTools(projects);
    ctx.out().println("wrote " + file);
    ctx.out().println("add it to the workstation daemon with: vigil add " + target);
    return ExitCode.OK;
  }

  /** One line a project: kind, root, its stages in order and what it runs after. */
  private void printProjects(List<StarterProject> projects) {
    int kindWidth = projects.stream().mapToInt(p -> p.kind().length()).max().orElse(0);
    int rootWidth = projects.stream().mapToInt(p -> p.root().length()).max().orElse(0);
    for (StarterProject p : projects) {
      String stages =
          p.stages().stream().map(StarterStage::name).collect(Collectors.joining(" -> "));
      String after = p.after().isEmpty() ? "" : "  (after " + String.join(", ", p.after()) + ")";
      ctx.out()
          .println(
              String.format(
                  "%-" + kindWidth + "s  %-" + rootWidth + "s  %s%s",
                  p.kind(),
                  p.root(),
                  stages,
                  after));
    }
  }

  /**
   * One line a tool the stages run that is not on the PATH, with how to install it and the stages
   * that need it: "maturin is not on PATH: pip install maturin (needed by py: develop)".
   */
  private void printMissingTools(List<StarterProject> projects) {
    Map<StarterTool, Map<String, List<String>>> missing = new LinkedHashMap<>();
    for (StarterProject p : projects) {
      for (StarterStage s : p.stages()) {
        s.missingTool()
            .ifPresent(
                tool ->
                    missing
                        .computeIfAbsent(tool, t -> new LinkedHashMap<>())
                        .computeIfAbsent(p.name(), n -> new ArrayList<>())
                        .add(s.name()));
      }
    }
    missing.forEach(
        (tool, stages) ->
            ctx.out()
                .println(
                    tool.notOnPath()
                        + " (needed by "
                        + stages.entrySet().stream()
                            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                            .collect(Collectors.joining("; "))
                        + ")"));
  }
}
