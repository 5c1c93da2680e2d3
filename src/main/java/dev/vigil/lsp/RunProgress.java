package dev.vigil.lsp;

import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.lsp4j.WorkDoneProgressReport;

/**
 * The stages of each project's run that are going, and for how long: the editor's progress for the
 * run says so ({@code clippy 3.2s}) when a stage starts and then each second until none runs.
 */
final class RunProgress {
  static final Duration TICK = Duration.ofSeconds(1);

  private final EditorClient editor;
  private final Scheduler scheduler;
  private final Map<String, Map<String, Long>> running = new HashMap<>();
  private final Map<String, Scheduler.Cancellable> ticks = new HashMap<>();

  RunProgress(EditorClient editor, Scheduler scheduler) {
    this.editor = editor;
    this.scheduler = scheduler;
  }

  static String token(String project) {
    return "vigil/" + project;
  }

  synchronized void stageStarted(String project, String stage) {
    running.computeIfAbsent(project, k -> new LinkedHashMap<>()).put(stage, scheduler.nanoTime());
    editor.progress(token(project), report(going(project)));
    ticks.computeIfAbsent(project, p -> scheduler.schedule(TICK, () -> tick(p)));
  }

  /** {@code summary}: the finished stage's result and time, followed by the stages still going. */
  synchronized void stageFinished(String project, String stage, String summary) {
    Map<String, Long> stages = running.get(project);
    if (stages != null) {
      stages.remove(stage);
    }
    String rest = going(project);
    editor.progress(token(project), report(rest.isEmpty() ? summary : summary + "; " + rest));
  }

  synchronized void runFinished(String project) {
    running.remove(project);
    Scheduler.Cancellable tick = ticks.remove(project);
    if (tick != null) {
      tick.cancel();
    }
  }

  private synchronized void tick(String project) {
    ticks.remove(project);
    String text = going(project);
    if (text.isEmpty()) {
      return;
    }
    editor.progress(token(project), report(text));
    ticks.put(project, scheduler.schedule(TICK, () -> tick(project)));
  }

  private String going(String project) {
    StringJoiner text = new StringJoiner(", ");
    long now = scheduler.nanoTime();
    running
        .getOrDefault(project, Map.of())
        .forEach(
            (stage, start) ->
                text.add(stage + String.format(" %.1fs", Math.max(0, now - start) / 1e9)));
    return text.toString();
  }

  private static WorkDoneProgressReport report(String message) {
    WorkDoneProgressReport report = new WorkDoneProgressReport();
    report.setMessage(message);
    return report;
  }
}
