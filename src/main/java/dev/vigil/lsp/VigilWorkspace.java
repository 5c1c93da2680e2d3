package dev.vigil.lsp;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The commands: run, pause and resume a project (or all projects, given no argument). */
final class VigilWorkspace implements WorkspaceService {
  /** Command id and title, for the code actions that offer them. */
  static final String[][] PROJECT_ACTIONS = {
    {"vigil.run", "vigil: run now"},
    {"vigil.pause", "vigil: pause"},
    {"vigil.resume", "vigil: resume"}
  };

  static final List<String> COMMANDS = List.of("vigil.run", "vigil.pause", "vigil.resume");

  private static final Map<String, String> VERBS =
      Map.of("vigil.run", "trigger", "vigil.pause", "pause", "vigil.resume", "resume");

  private final DaemonLink daemon;
  private final EditorClient editor;
  private final Executor requests;

  /** {@code requests} sends the API calls, off the thread that reads the editor's messages. */
  VigilWorkspace(DaemonLink daemon, EditorClient editor, Executor requests) {
    this.daemon = daemon;
    this.editor = editor;
    this.requests = requests;
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    String verb = VERBS.get(params.getCommand());
    if (verb == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("unknown command " + params.getCommand()));
    }
    Optional<String> project = project(params.getArguments());
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            daemon.post(verb, project);
            return null;
          } catch (IOException e) {
            editor.message(MessageType.Error, "vigil: " + verb + " failed: " + e.getMessage());
            return null;
          }
        },
        requests);
  }

  private static Optional<String> project(List<Object> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return Optional.empty();
    }
    Object first = arguments.get(0);
    String name =
        first instanceof JsonElement e && e.isJsonPrimitive()
            ? e.getAsString()
            : String.valueOf(first);
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {}

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
}
