package dev.vigil.lsp;

import dev.vigil.threads.OrderedHandOff;
import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;

/**
 * The stages of each project's run that are going, and for how long: the editor's progress for the
 * run says so ({@code clippy 3.2s}) when a stage starts and then each second until none runs. The
 * editor is told with no lock held, in the order things happened.
 */
final class RunProgress {
  static final Duration TICK = Duration.ofSeconds(1);

  /** One notification for the editor, decided under the lock and sent after it, in order. */
  private record Notice(String token, WorkDoneProgressNotification value) {}

  private final Scheduler scheduler;
  private final OrderedHandOff<Notice> notices;
  private final Map<String, Map<String, Long>> running = new HashMap<>();
  private final Map<String, Scheduler.Cancellable> ticks = new HashMap<>();

  RunProgress(EditorClient editor, Scheduler scheduler) {
    this.scheduler = scheduler;
    this.notices = new OrderedHandOff<>(n -> editor.progress(n.token(), n.value()));
  }

  static String token(String project) {
    return "vigil/" + project;
  }

  void stageStarted(String project, String stage) {
    synchronized (this) {
      running.computeIfAbsent(project, k -> new LinkedHashMap<>()).put(stage, scheduler.nanoTime());
      notices.add(new Notice(token(project), report(going(project))));
      ticks.computeIfAbsent(project, p -> scheduler.schedule(TICK, () -> tick(p)));
    }
    notices.handOn();
  }

  /** {@code summary}: the finished stage's result and time, followed by the stages still going. */
  void stageFinished(String project, String stage, String summary) {
    synchronized (this) {
      Map<String, Long> stages = running.get(project);
      if (stages != null) {
        stages.remove(stage);
      }
      String rest = going(project);
      notices.add(
          new Notice(token(project), report(rest.isEmpty() ? summary : summary + "; " + rest)));
    }
    notices.handOn();
  }

  /** The run ended with {@code result}: its progress ends, after every report before it. */
  void runFinished(String project, String result) {
    synchronized (this) {
      running.remove(project);
      Scheduler.Cancellable tick = ticks.remove(project);
      if (tick != null) {
        tick.cancel();
      }
      WorkDoneProgressEnd end = new WorkDoneProgressEnd();
      end.setMessage(result);
      notices.add(new Notice(token(project), end));
    }
    notices.handOn();
  }

  private void tick(String project) {
    synchronized (this) {
      ticks.remove(project);
      String text = going(project);
      if (text.isEmpty()) {
        return;
      }
      notices.add(new Notice(token(project), report(text)));
      ticks.put(project, scheduler.schedule(TICK, () -> tick(project)));
    }
    notices.handOn();
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
