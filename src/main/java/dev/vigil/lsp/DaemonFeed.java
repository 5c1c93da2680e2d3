package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageStatus;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;

/**
 * Follows the daemon: its status when the event stream opens, then each event. A stage's
 * diagnostics are published as the stage finishes; a run shows as progress; the editor hears once
 * when a project's pipeline breaks and once when the daemon goes away. The stream is reopened while
 * the daemon is away, with a growing pause.
 */
final class DaemonFeed implements Runnable {
  /** Stage results that say what the stage reports now; skipped and cancelled say nothing. */
  private static final Set<StageStatus> DECISIVE =
      EnumSet.of(StageStatus.PASSED, StageStatus.FAILED, StageStatus.TIMEOUT, StageStatus.CACHED);

  private static final long FIRST_PAUSE_MS = 500;
  private static final long LONGEST_PAUSE_MS = 5000;

  private final DaemonLink daemon;
  private final DiagnosticStore store;
  private final EditorClient editor;
  private final String daemonName;
  private final RunProgress progress;
  private final Map<String, Path> roots = new ConcurrentHashMap<>();
  private final Map<String, RunResult> lastResult = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean away;

  DaemonFeed(
      DaemonLink daemon,
      DiagnosticStore store,
      EditorClient editor,
      String daemonName,
      Scheduler scheduler) {
    this.daemon = daemon;
    this.store = store;
    this.editor = editor;
    this.daemonName = daemonName;
    this.progress = new RunProgress(editor, scheduler);
  }

  /** The project whose root holds {@code file}, the deepest root first. */
  java.util.Optional<String> projectOf(Path file) {
    return roots.entrySet().stream()
        .filter(e -> file.startsWith(e.getValue()))
        .max((a, b) -> Integer.compare(a.getValue().getNameCount(), b.getValue().getNameCount()))
        .map(Map.Entry::getKey);
  }

  void stop() {
    stopped.countDown();
  }

  @Override
  public void run() {
    long pause = FIRST_PAUSE_MS;
    while (stopped.getCount() > 0) {
      try {
        daemon.events(this::opened, this::onEvent);
        goneAway("it ended the event stream");
      } catch (IOException | RuntimeException e) {
        goneAway(e.getMessage());
      }
      try {
        if (stopped.await(pause, TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  }

  private void opened() {
    try {
      JsonNode status = daemon.status();
      for (JsonNode project : status.path("projects")) {
        String name = project.path("name").asText();
        roots.put(name, Path.of(project.path("root").asText()).toAbsolutePath().normalize());
        JsonNode last = project.path("lastRun");
        if (last.isObject()) {
          remember(name, last);
          for (JsonNode stage : last.path("stages")) {
            stageResult(name, stage);
          }
        }
      }
    } catch (IOException e) {
      editor.log("vigil: cannot read the daemon's status: " + e.getMessage());
    }
    if (away) {
      away = false;
      editor.message(MessageType.Info, "vigil: connected to the daemon again (" + daemonName + ")");
    }
  }

  private void goneAway(String why) {
    if (!away && stopped.getCount() > 0) {
      away = true;
      editor.message(
          MessageType.Warning,
          "vigil: the daemon for "
              + daemonName
              + " went away ("
              + why
              + "); the diagnostics shown are from its last runs. Waiting for it to come back.");
    }
  }

  void onEvent(JsonNode event) {
    Optional<VigilEvent.Type> type = VigilEvent.Type.named(event.path("type").asText());
    if (type.isEmpty()) {
      return; // from a newer daemon: nothing this editor side knows to show
    }
    JsonNode run = event.path("run");
    String project = run.path("project").asText();
    String token = RunProgress.token(project);
    switch (type.get()) {
      case RUN_STARTED ->
          editor.beginProgress(token, begin("vigil: " + project, run.path("runId").asText()));
      case STAGE_STARTED -> progress.stageStarted(project, event.path("stage").asText());
      case STAGE_FINISHED -> {
        String name = event.path("stage").asText();
        for (JsonNode stage : run.path("stages")) {
          if (stage.path("name").asText().equals(name)) {
            stageResult(project, stage);
            progress.stageFinished(project, name, summary(stage));
          }
        }
      }
      case RUN_FINISHED -> {
        progress.runFinished(project, run.path("result").asText());
        runFinished(project, run);
      }
      default -> {}
    }
  }

  private void stageResult(String project, JsonNode stage) {
    Path root = roots.get(project);
    if (root == null || status(stage).filter(DECISIVE::contains).isEmpty()) {
      return;
    }
    List<PublishDiagnosticsParams> publish =
        store.replace(project, stage.path("name").asText(), root, stage.path("diagnostics"));
    publish.forEach(editor::publish);
  }

  private void runFinished(String project, JsonNode run) {
    RunResult before = lastResult.get(project);
    Optional<RunResult> result = remember(project, run);
    if (result.equals(Optional.of(RunResult.FAILED)) && before != RunResult.FAILED) {
      editor.message(MessageType.Warning, "vigil: " + project + " broke: " + firstFailure(run));
    }
  }

  /** Keeps the run's result as the project's last; returns it, empty when it names none known. */
  private Optional<RunResult> remember(String project, JsonNode run) {
    Optional<RunResult> result = word(run.path("result"), RunResult::of);
    result.ifPresentOrElse(r -> lastResult.put(project, r), () -> lastResult.remove(project));
    return result;
  }

  private static Optional<StageStatus> status(JsonNode stage) {
    return word(stage.path("status"), StageStatus::of);
  }

  /** The constant a JSON word names; empty when it is missing or unknown (a newer daemon's). */
  private static <T> Optional<T> word(JsonNode node, Function<String, T> of) {
    try {
      return node.isTextual() ? Optional.of(of.apply(node.asText())) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String firstFailure(JsonNode run) {
    for (JsonNode stage : run.path("stages")) {
      Optional<StageStatus> failing = status(stage).filter(StageStatus::failing);
      if (failing.isPresent()) {
        String status = failing.get().word();
        JsonNode d = stage.path("diagnostics").path(0);
        String where =
            d.isObject()
                ? " ("
                    + d.path("file").asText()
                    + ":"
                    + d.path("line").asInt()
                    + " "
                    + d.path("message").asText()
                    + ")"
                : "";
        return stage.path("name").asText() + " " + status + where;
      }
    }
    return run.path("result").asText();
  }

  private static String summary(JsonNode stage) {
    return stage.path("name").asText()
        + " "
        + stage.path("status").asText()
        + String.format(" %.1fs", stage.path("durationMs").asLong() / 1000.0);
  }

  private static WorkDoneProgressBegin begin(String title, String message) {
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle(title);
    begin.setMessage(message);
    return begin;
  }
}
