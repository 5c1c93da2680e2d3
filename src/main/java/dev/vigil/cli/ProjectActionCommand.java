package dev.vigil.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil trigger|pause|resume [PROJECT]}: one verb of the API for a project or all. */
abstract class ProjectActionCommand extends ApiCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "PROJECT",
      description = "One project; all when left out.")
  String project;

  private final String verb;
  private final String done;

  /**
   * @param verb the API path after {@code /api/}
   * @param done what the command prints once the daemon has it, before the project name
   */
  ProjectActionCommand(CliContext ctx, String verb, String done) {
    super(ctx);
    this.verb = verb;
    this.done = done;
  }

  @Override
  public Integer call() {
    client().post("/api/" + verb, body());
    ctx.out().println(done + " " + (project == null ? "every project" : project));
    return ExitCode.OK;
  }

  /** The request's body: the project when one is named. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (project != null) {
      body.put("project", project);
    }
    return body;
  }

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Queue a full run of PROJECT, or of every project.")
  static final class Trigger extends ProjectActionCommand {
    @Option(
        names = "--no-cache",
        description = "Run every stage, also those the stage cache would answer.")
    boolean noCache;

    Trigger(CliContext ctx) {
      super(ctx, "trigger", "triggered");
    }

    @Override
    Map<String, Object> body() {
      Map<String, Object> body = super.body();
      if (noCache) {
        body.put("noCache", true);
      }
      return body;
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Stop running PROJECT (or all projects) on changes until resumed.")
  static final class Pause extends ProjectActionCommand {
    Pause(CliContext ctx) {
      super(ctx, "pause", "paused");
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Run PROJECT (or every project) on changes again.")
  static final class Resume extends ProjectActionCommand {
    Resume(CliContext ctx) {
      super(ctx, "resume", "resumed");
    }
  }
}
