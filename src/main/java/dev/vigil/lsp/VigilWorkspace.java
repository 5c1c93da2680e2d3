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

  /** Shows a diagnostic's last fix: arguments run id, time, diff. */
  static final String SHOW_LAST_FIX = "vigil.showLastFix";

  static final List<String> COMMANDS =
      List.of("vigil.run", "vigil.pause", "vigil.resume", SHOW_LAST_FIX);

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
    if (SHOW_LAST_FIX.equals(params.getCommand())) {
      List<String> args = strings(params.getArguments());
      if (args.size() == 3) {
        editor.message(
            MessageType.Info,
            "last fixed " + args.get(1) + " in run " + args.get(0) + ":\n" + args.get(2));
      }
      return CompletableFuture.completedFuture(null);
    }
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
    List<String> args = strings(arguments);
    return args.isEmpty() || args.get(0).isEmpty() ? Optional.empty() : Optional.of(args.get(0));
  }

  private static List<String> strings(List<Object> arguments) {
    if (arguments == null) {
      return List.of();
    }
    return arguments.stream()
        .map(
            a ->
                a instanceof JsonElement e && e.isJsonPrimitive()
                    ? e.getAsString()
                    : String.valueOf(a))
        .toList();
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {}

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
}
