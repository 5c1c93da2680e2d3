package dev.vigil.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.time.FakeScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The editor hears of a run's progress with no lock of the progress held, in the order it happened:
 * an editor connection that is slow to take a report while the daemon's next event comes in on
 * another thread stalls neither.
 */
class RunProgressLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final FakeScheduler clock = new FakeScheduler();
  private final ExecutorService events = Executors.newSingleThreadExecutor();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicReference<RunProgress> progress = new AtomicReference<>();
  private final AtomicBoolean asked = new AtomicBoolean();

  @AfterEach
  void stop() {
    events.shutdownNow();
  }

  @Test
  void aStageThatFinishesWhileTheEditorTakesTheLastReportIsToldAfterIt() {
    EditorClient editor = editor();
    editor.beginProgress(RunProgress.token("core"), new WorkDoneProgressBegin());

    assertTimeoutPreemptively(
        WAIT.multipliedBy(3), () -> progress.get().stageStarted("core", "clippy"));

    assertThat(seen).containsExactly("told");
    assertThat(sent).containsExactly("begin", "clippy 0.0s", "clippy passed 0.0s");

    progress.get().runFinished("core", "passed");
    assertThat(sent).endsWith("clippy passed 0.0s", "end passed");
  }

  /**
   * An editor that, on the first report it takes, lets a stage finish on another thread (the
   * daemon's next event) and waits for that to be told to the progress.
   */
  private EditorClient editor() {
    EditorClient editor = new EditorClient();
    editor.connect(
        new LanguageClient() {
          @Override
          public void notifyProgress(ProgressParams params) {
            WorkDoneProgressNotification value = params.getValue().getLeft();
            sent.add(describe(value));
            if (value instanceof WorkDoneProgressReport && asked.compareAndSet(false, true)) {
              try {
                CompletableFuture.runAsync(
                        () -> progress.get().stageFinished("core", "clippy", "clippy passed 0.0s"),
                        events)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                seen.add("told");
              } catch (TimeoutException e) {
                seen.add("<stuck>");
              } catch (Exception e) {
                seen.add("<failed: " + e + ">");
              }
            }
          }

          @Override
          public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public void telemetryEvent(Object object) {}

          @Override
          public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {}

          @Override
          public void showMessage(MessageParams messageParams) {}

          @Override
          public CompletableFuture<MessageActionItem> showMessageRequest(
              ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public void logMessage(MessageParams message) {}
        });
    editor.showsProgress(true);
    progress.set(new RunProgress(editor, clock));
    return editor;
  }

  private static String describe(WorkDoneProgressNotification value) {
    if (value instanceof WorkDoneProgressReport r) {
      return r.getMessage();
    }
    if (value instanceof WorkDoneProgressEnd e) {
      return "end " + e.getMessage();
    }
    return "begin";
  }
}
