package dev.vigil.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigil lsp as an LSP4J client sees it, over real JSON-RPC streams, with a daemon the test drives.
 */
class LanguageServerProtocolTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path ws;
  private FakeDaemon daemon;
  private final EditorSide editor = new EditorSide();
  private LanguageServer server;
  private Thread serving;
  private String libUri;

  @BeforeEach
  void connect() throws Exception {
    Files.createDirectories(ws.resolve("src"));
    libUri = Uris.of(ws.resolve("src/lib.rs"));
    daemon =
        new FakeDaemon(
            "{\"projects\":[{\"name\":\"core\",\"root\":\""
                + ws
                + "\",\"state\":\"watching\","
                + "\"lastRun\":"
                + run("failed", stage("test", "failed", diagnostic("tests/a.rs", 3, "")))
                + "}]}");
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream toClient = new PipedOutputStream(clientIn);
    VigilLanguageServer vigil =
        new VigilLanguageServer(daemon, workspace -> Optional.empty(), "test-state", "test");
    serving =
        new Thread(
            () -> LanguageServerLauncher.serve(vigil, serverIn, toClient), "test-lsp-server");
    serving.setDaemon(true);
    serving.start();
    Launcher<LanguageServer> client = LSPLauncher.createClientLauncher(editor, clientIn, toServer);
    client.startListening();
    server = client.getRemoteProxy();

    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.of(ws), "ws")));
    ClientCapabilities caps = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    init.setCapabilities(caps);
    assertThat(server.initialize(init).get().getCapabilities().getCodeActionProvider()).isNotNull();
    server.initialized(new InitializedParams());
  }

  @AfterEach
  void disconnect() throws Exception {
    server.shutdown().get();
    server.exit();
    serving.join(WAIT.toMillis());
  }

  @Test
  void theLastRunsDiagnosticsArePublishedOnConnect() {
    String uri = Uris.of(ws.resolve("tests/a.rs"));
    await().atMost(WAIT).until(() -> editor.last(uri) != null);
    assertThat(editor.last(uri).getDiagnostics())
        .extracting(Diagnostic::getSource)
        .containsExactly("vigil: core/test");
  }

  @Test
  void aStagesDiagnosticsArePublishedWhenTheStageFinishes() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send(stageFinished("clippy", stage("clippy", "failed", clippyWarning())));

    await().atMost(WAIT).until(() -> editor.last(libUri) != null);
    Diagnostic d = editor.last(libUri).getDiagnostics().get(0);
    assertThat(d.getRange()).isEqualTo(new Range(new Position(1, 7), new Position(1, 19)));
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
    assertThat(d.getCode().getLeft()).isEqualTo("clippy::bool_comparison");
    assertThat(d.getCodeDescription().getHref())
        .isEqualTo("https://rust-lang.github.io/rust-clippy/master/index.html#bool_comparison");
    assertThat(d.getSource()).isEqualTo("vigil: core/clippy");
    assertThat(d.getMessage()).isEqualTo("equality checks against true are unnecessary");
    assertThat(d.getRelatedInformation())
        .singleElement()
        .satisfies(r -> assertThat(r.getMessage()).isEqualTo("the flag"));
  }

  @Test
  void diagnosticsOfAParserOtherThanCargosArePublishedToo() throws Exception {
    List<String> output;
    try (java.io.InputStream in =
        getClass().getResourceAsStream("/diagnostics/pytest/failures.txt")) {
      output =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    List<dev.vigil.run.Diagnostic> found =
        dev.vigil.diagnostics.DiagnosticParsers.parse("pytest", ws, output);
    String json = dev.vigil.run.RecordMapper.create().writeValueAsString(found);
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send(
        stageFinished("pytest", stage("pytest", "failed", json.substring(1, json.length() - 1))));

    String uri = Uris.of(ws.resolve("tests/test_calc.py"));
    await().atMost(WAIT).until(() -> editor.last(uri) != null);
    Diagnostic d = editor.last(uri).getDiagnostics().get(0);
    assertThat(d.getRange().getStart()).isEqualTo(new Position(5, 0));
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(d.getSource()).isEqualTo("vigil: core/pytest");
    assertThat(d.getMessage()).startsWith("test_add: assert -1 == 5");

    List<String> clippy;
    try (java.io.InputStream in = getClass().getResourceAsStream("/diagnostics/rustc/clippy.txt")) {
      clippy =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    String lint =
        dev.vigil.run.RecordMapper.create()
            .writeValueAsString(dev.vigil.diagnostics.DiagnosticParsers.parse("rustc", ws, clippy));
    daemon.send(
        stageFinished("clippy", stage("clippy", "failed", lint.substring(1, lint.length() - 1))));
    await().atMost(WAIT).until(() -> editor.last(libUri) != null);
    assertThat(editor.last(libUri).getDiagnostics().get(0).getMessage())
        .startsWith("equality checks against true are unnecessary\nhelp: try: `flag`\n")
        .contains("note: `#[warn(clippy::bool_comparison)]` on by default");
  }

  @Test
  void aLaterRunThatNoLongerReportsItClearsIt() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send(stageFinished("clippy", stage("clippy", "failed", clippyWarning())));
    await().atMost(WAIT).until(() -> editor.last(libUri) != null);

    daemon.send(stageFinished("clippy", stage("clippy", "skipped")));
    daemon.send(stageFinished("clippy", stage("clippy", "passed")));

    await().atMost(WAIT).until(() -> editor.last(libUri).getDiagnostics().isEmpty());
    assertThat(editor.published.stream().filter(p -> p.getUri().equals(libUri)))
        .as("a skipped stage says nothing new: one publish for the warning, one to clear it")
        .hasSize(2);
  }

  @Test
  void filesOutsideTheWorkspaceFoldersAreNotPublished() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send(
        stageFinished(
            "clippy",
            stage("clippy", "failed", diagnostic("../elsewhere.rs", 1, ""), clippyWarning())));

    await().atMost(WAIT).until(() -> editor.last(libUri) != null);
    assertThat(editor.published).noneMatch(p -> p.getUri().endsWith("elsewhere.rs"));
  }

  @Test
  void aMachineApplicableSuggestionIsAQuickFix() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send(stageFinished("clippy", stage("clippy", "failed", clippyWarning())));
    await().atMost(WAIT).until(() -> editor.last(libUri) != null);

    List<Either<Command, CodeAction>> actions =
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(libUri),
                    new Range(new Position(1, 10), new Position(1, 10)),
                    new CodeActionContext(List.of())))
            .get();

    CodeAction fix = actions.get(0).getRight();
    assertThat(fix.getTitle()).isEqualTo("vigil: try: `flag`");
    assertThat(fix.getKind()).isEqualTo("quickfix");
    assertThat(fix.getEdit().getChanges().get(libUri))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getNewText()).isEqualTo("flag");
              assertThat(e.getRange())
                  .isEqualTo(new Range(new Position(1, 7), new Position(1, 19)));
            });
    assertThat(actions.stream().skip(1).map(a -> a.getRight().getCommand().getCommand()))
        .containsExactly("vigil.run", "vigil.pause", "vigil.resume");
  }

  @Test
  void aRecurringProblemOffersHowItWasFixedLastTime() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    String fix =
        ",\"lastFix\":{\"runId\":\"core-41\",\"at\":\"2026-12-03T14:10:00Z\","
            + "\"diff\":\"-    \\\"text\\\"\\n+    42\\n\"}";
    daemon.send(
        stageFinished("clippy", stage("clippy", "failed", diagnostic("src/lib.rs", 2, fix))));
    await().atMost(WAIT).until(() -> editor.last(libUri) != null);

    Diagnostic d = editor.last(libUri).getDiagnostics().get(0);
    assertThat(d.getRelatedInformation())
        .extracting(r -> r.getMessage())
        .containsExactly("last fixed 2026-12-03T14:10:00Z in run core-41");
    CodeAction show =
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(libUri),
                    new Range(new Position(1, 0), new Position(1, 0)),
                    new CodeActionContext(List.of())))
            .get()
            .get(0)
            .getRight();
    assertThat(show.getTitle()).isEqualTo("vigil: show how this was fixed last time");
    server
        .getWorkspaceService()
        .executeCommand(
            new ExecuteCommandParams(
                show.getCommand().getCommand(), show.getCommand().getArguments()))
        .get();
    await().atMost(WAIT).until(() -> !editor.messages.isEmpty());
    assertThat(editor.messages.get(0).getMessage())
        .isEqualTo("last fixed 2026-12-03T14:10:00Z in run core-41:\n-    \"text\"\n+    42\n");
  }

  @Test
  void theCommandsDriveTheDaemon() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    server
        .getWorkspaceService()
        .executeCommand(new ExecuteCommandParams("vigil.run", List.of("core")))
        .get();
    server
        .getWorkspaceService()
        .executeCommand(new ExecuteCommandParams("vigil.pause", List.of()))
        .get();
    assertThat(daemon.posts).containsExactly("trigger core", "pause *");
  }

  @Test
  void aRunShowsAsProgress() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.send("{\"type\":\"run-started\",\"run\":" + run("running") + "}");
    daemon.send(stageFinished("clippy", stage("clippy", "passed")));
    daemon.send(
        "{\"type\":\"run-finished\",\"run\":" + run("passed", stage("clippy", "passed")) + "}");

    await().atMost(WAIT).until(() -> editor.progress.size() == 3);
    assertThat(editor.progress.get(0).getValue().getLeft())
        .isInstanceOf(WorkDoneProgressBegin.class);
    assertThat(((WorkDoneProgressBegin) editor.progress.get(0).getValue().getLeft()).getTitle())
        .isEqualTo("vigil: core");
    assertThat(editor.progress.get(2).getValue().getLeft()).isInstanceOf(WorkDoneProgressEnd.class);
  }

  @Test
  void aBrokenPipelineIsShownOnceUntilItPassesAgain() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    String failed =
        "{\"type\":\"run-finished\",\"run\":"
            + run("failed", stage("clippy", "failed", clippyWarning()))
            + "}";
    String passed = "{\"type\":\"run-finished\",\"run\":" + run("passed") + "}";
    daemon.send(passed);
    daemon.send(failed);
    daemon.send(failed);
    daemon.send(passed);
    daemon.send(failed);

    await().atMost(WAIT).until(() -> editor.messages.size() == 2);
    assertThat(editor.messages.get(0).getMessage())
        .isEqualTo(
            "vigil: core broke: clippy failed (src/lib.rs:2 equality checks against true are"
                + " unnecessary)");
  }

  @Test
  void aDaemonThatGoesAwayIsSaidOnceAndFollowedAgainWhenBack() throws Exception {
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
    daemon.goAway();
    await().atMost(WAIT).until(() -> editor.messages.size() == 1);
    assertThat(editor.messages.get(0).getType()).isEqualTo(MessageType.Warning);
    assertThat(editor.messages.get(0).getMessage()).contains("went away");

    daemon.comeBack();
    await().atMost(WAIT).until(() -> daemon.streamsOpened() == 2);
    await().atMost(WAIT).until(() -> editor.messages.size() == 2);
    assertThat(editor.messages.get(1).getMessage()).contains("connected to the daemon again");
    daemon.send(stageFinished("clippy", stage("clippy", "failed", clippyWarning())));
    await().atMost(WAIT).until(() -> editor.last(libUri) != null);
  }

  private static String stageFinished(String name, String stage) {
    return "{\"type\":\"stage-finished\",\"stage\":\""
        + name
        + "\",\"run\":"
        + run("running", stage)
        + "}";
  }

  private static String run(String result, String... stages) {
    return "{\"project\":\"core\",\"runId\":\"core-1\",\"result\":\""
        + result
        + "\",\"stages\":["
        + String.join(",", stages)
        + "]}";
  }

  private static String stage(String name, String status, String... diagnostics) {
    return "{\"name\":\""
        + name
        + "\",\"status\":\""
        + status
        + "\",\"durationMs\":1200,"
        + "\"diagnostics\":["
        + String.join(",", diagnostics)
        + "]}";
  }

  private static String diagnostic(String file, int line, String extra) {
    return "{\"file\":\""
        + file
        + "\",\"line\":"
        + line
        + ",\"column\":1,\"severity\":\"error\","
        + "\"code\":\"E0308\",\"message\":\"mismatched types\",\"seen\":1"
        + extra
        + "}";
  }

  private static String clippyWarning() {
    String span = "{\"file\":\"src/lib.rs\",\"line\":2,\"column\":8,\"endLine\":2,\"endColumn\":20";
    return "{\"file\":\"src/lib.rs\",\"line\":2,\"column\":8,\"endLine\":2,\"endColumn\":20,"
        + "\"severity\":\"warning\",\"code\":\"clippy::bool_comparison\","
        + "\"message\":\"equality checks against true are unnecessary\",\"seen\":1,"
        + "\"related\":["
        + span
        + ",\"label\":\"the flag\"}],"
        + "\"suggestions\":[{\"message\":\"try\",\"edits\":[{\"span\":"
        + span
        + ",\"label\":\"\"},\"replacement\":\"flag\"}]}]}";
  }
}
