package dev.vigil.lsp;

import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import dev.vigil.time.SystemScheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server: diagnostics of the daemon's stages for the files under the editor's
 * workspace folders, quick fixes from the tools' machine-applicable suggestions, and the commands
 * to run, pause and resume a project.
 */
public final class VigilLanguageServer implements LanguageServer, LanguageClientAware {
  private final EditorClient editor = new EditorClient();
  private final DaemonStarter starter;
  private final DiagnosticStore store;
  private final DaemonFeed feed;
  private final VigilDocuments documents;
  private final VigilWorkspace workspace;
  private final ExecutorService requests = NamedThreads.singleThread("vigil-lsp-requests");
  private final CompletableFuture<Void> exited = new CompletableFuture<>();
  private volatile List<Path> folders = List.of();
  private final String version;

  public VigilLanguageServer(
      DaemonLink daemon, DaemonStarter starter, String daemonName, String version) {
    this(daemon, starter, daemonName, version, SystemScheduler.withoutPauses("vigil-lsp-timer"));
  }

  /** {@code scheduler}: the clock of the progress shown while stages run. */
  public VigilLanguageServer(
      DaemonLink daemon,
      DaemonStarter starter,
      String daemonName,
      String version,
      Scheduler scheduler) {
    this.starter = starter;
    this.version = version;
    this.store = new DiagnosticStore(this::inWorkspace);
    this.feed = new DaemonFeed(daemon, store, editor, daemonName, scheduler);
    this.documents = new VigilDocuments(store, feed);
    this.workspace = new VigilWorkspace(daemon, editor, requests);
  }

  @Override
  public void connect(LanguageClient client) {
    editor.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    folders = folders(params);
    editor.showsProgress(
        params.getCapabilities() != null
            && params.getCapabilities().getWindow() != null
            && Boolean.TRUE.equals(params.getCapabilities().getWindow().getWorkDoneProgress()));
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.None);
    caps.setCodeActionProvider(
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Source)));
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(VigilWorkspace.COMMANDS));
    return CompletableFuture.completedFuture(
        new InitializeResult(caps, new ServerInfo("vigil", version)));
  }

  @Override
  public void initialized(InitializedParams params) {
    Path first = folders.isEmpty() ? Path.of("").toAbsolutePath() : folders.get(0);
    Optional<String> problem = starter.ensureRunning(first);
    problem.ifPresent(p -> editor.message(MessageType.Error, "vigil: " + p));
    NamedThreads.startDaemon("vigil-lsp-daemon-feed", feed);
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    feed.stop();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    feed.stop();
    requests.shutdown();
    exited.complete(null);
  }

  /** Completes when the editor said {@code exit}. */
  public CompletableFuture<Void> exited() {
    return exited;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  private boolean inWorkspace(Path file) {
    List<Path> roots = folders;
    return roots.isEmpty() || roots.stream().anyMatch(file::startsWith);
  }

  private static List<Path> folders(InitializeParams params) {
    List<Path> out = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
        out.add(Uris.path(folder.getUri()));
      }
    }
    if (out.isEmpty() && params.getRootUri() != null) {
      out.add(Uris.path(params.getRootUri()));
    }
    return List.copyOf(out);
  }
}
