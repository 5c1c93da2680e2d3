package dev.vigil.lsp;

import dev.vigil.threads.NamedThreads;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Serves one editor over a pair of streams. */
public final class LanguageServerLauncher {
  private LanguageServerLauncher() {}

  /** Serves until the editor says {@code exit} or closes its end of the input. */
  public static void serve(VigilLanguageServer server, InputStream in, OutputStream out) {
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    NamedThreads.startDaemon(
        "vigil-lsp-input",
        () -> {
          try {
            listening.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (ExecutionException e) {
            // the editor went away mid-message: nothing more to serve
          }
          server.exit();
        });
    server.exited().join();
  }
}
