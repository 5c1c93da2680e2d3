package dev.vigil.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While a run goes, the editor's progress names the stages running and how long they have run. */
class RunProgressTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path ws;
  private final FakeScheduler clock = new FakeScheduler();
  private final EditorSide editor = new EditorSide();
  private FakeDaemon daemon;
  private LanguageServer server;

  @BeforeEach
  void connect() throws Exception {
    daemon =
        new FakeDaemon(
            "{\"projects\":[{\"name\":\"core\",\"root\":\"" + ws + "\",\"state\":\"watching\"}]}");
    server = LspSession.connect(daemon, editor, ws, clock);
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
  }

  @AfterEach
  void disconnect() throws Exception {
    server.shutdown().get();
    server.exit();
  }

  @Test
  void aRunningStageShowsItsTimeEachSecondUntilItFinishes() throws Exception {
    daemon.send(event("run-started", "", "running", ""));
    daemon.send(event("stage-started", "clippy", "running", ""));
    awaitLastReport("clippy 0.0s");

    clock.advance(Duration.ofSeconds(1));
    awaitLastReport("clippy 1.0s");
    daemon.send(event("stage-started", "test", "running", ""));
    awaitLastReport("clippy 1.0s, test 0.0s");
    clock.advance(Duration.ofMillis(2200));
    awaitLastReport("clippy 3.0s, test 2.0s");

    daemon.send(
        event(
            "stage-finished",
            "clippy",
            "running",
            "{\"name\":\"clippy\",\"status\":\"passed\",\"durationMs\":3200,\"diagnostics\":[]}"));
    awaitLastReport("clippy passed 3.2s; test 2.2s");
    daemon.send(event("run-finished", "", "passed", ""));
    await().atMost(WAIT).until(() -> editor.progress.size() == 8);

    clock.advance(Duration.ofSeconds(5));
    assertThat(clock.pending()).as("no tick after the run ended").isZero();
    assertThat(editor.progress).hasSize(8);
  }

  private void awaitLastReport(String message) {
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(lastReport(editor.progress)).isEqualTo(message));
  }

  private static String lastReport(List<ProgressParams> progress) {
    String last = null;
    for (ProgressParams p : progress) {
      WorkDoneProgressNotification n = p.getValue().getLeft();
      if (n instanceof WorkDoneProgressReport r) {
        last = r.getMessage();
      }
    }
    return last;
  }

  private static String event(String type, String stage, String result, String stages) {
    return "{\"type\":\""
        + type
        + "\",\"stage\":\""
        + stage
        + "\",\"run\":{\"project\":\"core\",\"runId\":\"core-1\",\"result\":\""
        + result
        + "\",\"stages\":["
        + stages
        + "]}}";
  }
}
