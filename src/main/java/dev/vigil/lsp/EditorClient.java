package dev.vigil.lsp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor's side, once it is connected; before that, what is sent is dropped. Progress is sent
 * only when the editor said it shows it.
 */
final class EditorClient {
  private final AtomicReference<LanguageClient> client = new AtomicReference<>();
  private final Map<String, CompletableFuture<Void>> tokens = new ConcurrentHashMap<>();
  private volatile boolean progress;

  void connect(LanguageClient editor) {
    client.set(editor);
  }

  void showsProgress(boolean shows) {
    progress = shows;
  }

  void publish(PublishDiagnosticsParams params) {
    LanguageClient c = client.get();
    if (c != null) {
      c.publishDiagnostics(params);
    }
  }

  void message(MessageType type, String text) {
    LanguageClient c = client.get();
    if (c != null) {
      c.showMessage(new MessageParams(type, text));
    }
    System.err.println(text);
  }

  void log(String text) {
    LanguageClient c = client.get();
    if (c != null) {
      c.logMessage(new MessageParams(MessageType.Log, text));
    }
  }

  /**
   * Creates a progress token and sends its first notification once the editor accepted it; later
   * notifications for the token wait for that.
   */
  void beginProgress(String token, WorkDoneProgressNotification begin) {
    LanguageClient c = client.get();
    if (c == null || !progress) {
      return;
    }
    CompletableFuture<Void> ready =
        c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
            .thenRun(() -> send(c, token, begin));
    tokens.put(token, ready);
  }

  /** A report or the end of a token's progress; the end forgets the token. */
  void progress(String token, WorkDoneProgressNotification value) {
    LanguageClient c = client.get();
    CompletableFuture<Void> ready =
        value instanceof WorkDoneProgressEnd ? tokens.remove(token) : tokens.get(token);
    if (c != null && ready != null) {
      ready.thenRun(() -> send(c, token, value));
    }
  }

  private static void send(LanguageClient c, String token, WorkDoneProgressNotification value) {
    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(value)));
  }
}
