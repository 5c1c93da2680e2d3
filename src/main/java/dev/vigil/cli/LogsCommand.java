package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.diagnostics.HumanOutput;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil logs}: a run's stage logs, or the logs of each new run as it happens. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the stage logs of PROJECT's latest run, or of --run ID.",
      "Each stage's full log comes under a header; a stage that did not run says why. Without"
          + " PROJECT, the only project is taken. With --follow, go on printing each new run's"
          + " stage logs as they finish."
    })
final class LogsCommand extends ApiCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PROJECT",
      description = "The project; may be left out when there is only one.")
  String project;

  @Option(names = "--stage", paramLabel = "S", description = "Only this stage's log.")
  String stage;

  @Option(names = "--run", paramLabel = "ID", description = "This run instead of the latest.")
  String run;

  @Option(names = "--follow", description = "Keep printing new runs' stage logs.")
  boolean follow;

  @Option(
      names = "--raw",
      description =
          "The log as the tools wrote it: JSON records and colour codes included. Without it,"
              + " JSON from cargo --message-format=json is shown as cargo's own text.")
  boolean raw;

  LogsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws JsonProcessingException {
    ApiClient client = client();
    project = chooseProject(client);
    if (follow) {
      followEvents(client);
    } else {
      printChosen(client);
    }
    return ExitCode.OK;
  }

  /** Prints the chosen run's logs: --run ID, else the latest finished run. */
  private void printChosen(ApiClient client) {
    List<RunRecord> runs;
    String path = "/api/runs?project=" + enc(project) + "&limit=" + (run == null ? 1 : 1000);
    try {
      runs =
          client
              .json()
              .mapper()
              .readValue(client.get(path), new TypeReference<List<RunRecord>>() {});
    } catch (JsonProcessingException e) {
      throw new UserError(
          "cannot read the daemon's answer to " + path + ": " + e.getMessage(), ExitCode.INTERNAL);
    }
    RunRecord chosen =
        runs.stream().filter(r -> run == null || r.runId().equals(run)).findFirst().orElse(null);
    if (chosen != null) {
      print(client, chosen);
    } else if (run != null) {
      throw new UserError("no finished run '" + run + "' of " + project + " in the history");
    } else if (!follow) {
      ctx.out().println("no finished run of " + project + " yet");
    }
  }

  /** The named project if the daemon knows it; without a name, the daemon's only project. */
  private String chooseProject(ApiClient client) throws JsonProcessingException {
    List<String> known =
        client.json().readStatus(client.get("/api/status")).projects().stream()
            .map(p -> p.name())
            .toList();
    if (project == null) {
      if (known.size() == 1) {
        return known.get(0);
      }
      throw new UserError(
          "which project? 'vigil logs PROJECT' with one of: " + String.join(", ", known));
    }
    if (!known.contains(project)) {
      throw new UserError(
          "unknown project '" + project + "'; projects: " + String.join(", ", known));
    }
    return project;
  }

  private void print(ApiClient client, RunRecord record) {
    List<StageRecord> stages =
        record.stages().stream().filter(s -> stage == null || s.name().equals(stage)).toList();
    if (stages.isEmpty() && stage != null) {
      throw new UserError(
          "run "
              + record.runId()
              + " has no stage '"
              + stage
              + "'; stages: "
              + String.join(", ", record.stages().stream().map(StageRecord::name).toList()));
    }
    for (StageRecord s : stages) {
      printStage(client, record.runId(), s.name(), s.status(), s.logFile() == null, record);
    }
  }

  private void printStage(
      ApiClient client,
      String runId,
      String name,
      StageStatus status,
      boolean noLog,
      RunRecord run) {
    ctx.out().println("==> " + runId + " " + name + " (" + status + ") <==");
    if (noLog) {
      ctx.out().println(NoLog.why(status, run));
      ctx.out().flush();
      return;
    }
    String log = client.get("/api/runs/" + enc(runId) + "/stages/" + enc(name) + "/log");
    String text = raw ? log : new HumanOutput().render(log);
    ctx.out().print(text);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      ctx.out().println();
    }
    ctx.out().flush();
  }

  private void followEvents(ApiClient client) {
    client.stream(
        "/api/events",
        () -> printChosen(client),
        new SseReader(
            (name, data) -> {
              if (!name.equals("stage-finished")) {
                return;
              }
              try {
                JsonNode event = client.json().mapper().readTree(data);
                JsonNode r = event.get("run");
                String s = event.get("stage").asText();
                if (r.get("project").asText().equals(project)
                    && (stage == null || stage.equals(s))) {
                  RunRecord run = client.json().mapper().treeToValue(r, RunRecord.class);
                  StageRecord done =
                      run.stages().stream()
                          .filter(st -> st.name().equals(s))
                          .findFirst()
                          .orElseThrow();
                  printStage(client, run.runId(), s, done.status(), done.logFile() == null, run);
                }
              } catch (JsonProcessingException | RuntimeException e) {
                ctx.err().println("vigil: skipped an event: " + e.getMessage());
              }
            }));
    ctx.err().println("vigil: the daemon ended the event stream");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
