package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.watch.IgnoreRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil check-ignore}: like {@code git check-ignore}, with every rule vigil applies. */
@Command(
    name = "check-ignore",
    mixinStandardHelpOptions = true,
    description = {
      "Print the given paths that the project ignores, one a line.",
      "It counts what git check-ignore does (.gitignore files, .git/info/exclude, git's global"
          + " excludes file) and also the config's ignore entries and vigil's built-in rules.",
      "Exit 0 if any path is ignored, 1 if none."
    })
final class CheckIgnoreCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file.")
  Path config;

  @Option(names = "--project", paramLabel = "NAME", description = "The project whose rules apply.")
  String project;

  @Option(names = "--stdin", description = "Read paths from standard input, one a line.")
  boolean stdin;

  @Parameters(
      paramLabel = "PATH",
      description = "Paths relative to the current directory, or absolute.")
  List<String> paths = new ArrayList<>();

  CheckIgnoreCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    VigilConfig loaded = ConfigChoice.load(ctx, config);
    ProjectConfig chosen = pick(loaded);
    List<String> asked = new ArrayList<>(paths);
    if (stdin) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty()) {
          asked.add(line);
        }
      }
    }
    if (asked.isEmpty()) {
      throw new UserError("no path given; pass paths or --stdin");
    }
    IgnoreRules rules = IgnoreRules.load(chosen.root(), chosen.ignore(), ctx.env());
    List<String> ignored = rules.checkIgnore(ctx.cwd(), asked);
    ignored.forEach(ctx.out()::println);
    return ignored.isEmpty() ? ExitCode.FAILED : ExitCode.OK;
  }

  private ProjectConfig pick(VigilConfig loaded) {
    if (project == null) {
      if (loaded.projects().size() == 1) {
        return loaded.projects().get(0);
      }
      throw new UserError("the config has several projects; name one with --project NAME");
    }
    return ProjectChoice.choose(loaded, List.of(project)).get(0);
  }
}
