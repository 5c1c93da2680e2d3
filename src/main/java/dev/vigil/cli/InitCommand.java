package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProjectDetector;
import dev.vigil.config.StarterProject;
import dev.vigil.config.StarterStage;
import dev.vigil.config.StarterYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      "Detect the projects in DIR (default: the current directory) and up to three levels below,"
          + " and write a commented DIR/vigil.yaml with stages for each.",
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
    List<StarterProject> projects = ProjectDetector.detect(target);
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
    ctx.out().println("wrote " + file);
    ctx.out().println("add it to the workstation daemon with: vigil add " + target);
    return ExitCode.OK;
  }
}
