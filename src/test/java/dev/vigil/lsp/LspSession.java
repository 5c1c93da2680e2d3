package dev.vigil.lsp;

import dev.vigil.time.Scheduler;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** vigil lsp over real JSON-RPC pipes, initialized by an LSP4J client for one workspace folder. */
final class LspSession {
  private LspSession() {}

  static LanguageServer connect(
      DaemonLink daemon, EditorSide editor, Path folder, Scheduler scheduler) throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream toClient = new PipedOutputStream(clientIn);
    VigilLanguageServer vigil =
        new VigilLanguageServer(
            daemon, workspace -> Optional.empty(), "test-state", "test", scheduler);
    Thread serving =
        new Thread(
            () -> LanguageServerLauncher.serve(vigil, serverIn, toClient), "test-lsp-server");
    serving.setDaemon(true);
    serving.start();
    Launcher<LanguageServer> client = LSPLauncher.createClientLauncher(editor, clientIn, toServer);
    client.startListening();
    LanguageServer server = client.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.of(folder), "ws")));
    ClientCapabilities caps = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    init.setCapabilities(caps);
    server.initialize(init).get();
    server.initialized(new InitializedParams());
    return server;
  }
}
