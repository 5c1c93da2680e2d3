package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Documents: vigil reads files from disk, through the daemon, so it follows no edits; it answers
 * code-action requests with the tools' fixes and the project commands.
 */
final class VigilDocuments implements TextDocumentService {
  private final DiagnosticStore store;
  private final DaemonFeed feed;

  VigilDocuments(DiagnosticStore store, DaemonFeed feed) {
    this.store = store;
    this.feed = feed;
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    for (DiagnosticStore.Entry entry : store.at(uri)) {
      if (!overlaps(entry.lsp().getRange(), params.getRange())) {
        continue;
      }
      for (JsonNode suggestion : entry.original().path("suggestions")) {
        actions.add(Either.forRight(fix(entry, suggestion)));
      }
      JsonNode lastFix = entry.original().path("lastFix");
      if (lastFix.isObject()) {
        String title = "vigil: show how this was fixed last time";
        CodeAction show = new CodeAction(title);
        show.setKind(CodeActionKind.QuickFix);
        show.setDiagnostics(List.of(entry.lsp()));
        show.setCommand(
            new Command(
                title,
                VigilWorkspace.SHOW_LAST_FIX,
                List.of(
                    lastFix.path("runId").asText(),
                    lastFix.path("at").asText(),
                    lastFix.path("diff").asText())));
        actions.add(Either.forRight(show));
      }
    }
    feed.projectOf(Uris.path(uri))
        .ifPresent(
            project -> {
              for (String[] c : VigilWorkspace.PROJECT_ACTIONS) {
                CodeAction action = new CodeAction(c[1] + " " + project);
                action.setKind(CodeActionKind.Source);
                action.setCommand(new Command(c[1] + " " + project, c[0], List.of(project)));
                actions.add(Either.forRight(action));
              }
            });
    return CompletableFuture.completedFuture(actions);
  }

  private static CodeAction fix(DiagnosticStore.Entry entry, JsonNode suggestion) {
    Map<String, List<TextEdit>> changes = new HashMap<>();
    StringBuilder replacements = new StringBuilder();
    for (JsonNode edit : suggestion.path("edits")) {
      String file = edit.path("span").path("file").asText("");
      String target = Uris.of(entry.root().resolve(file));
      changes.computeIfAbsent(target, k -> new ArrayList<>()).add(LspDiagnostics.edit(edit));
      if (replacements.length() > 0) {
        replacements.append(", ");
      }
      replacements.append('`').append(edit.path("replacement").asText()).append('`');
    }
    String message = suggestion.path("message").asText("apply the fix");
    CodeAction action = new CodeAction("vigil: " + message + ": " + replacements);
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(entry.lsp()));
    action.setIsPreferred(true);
    action.setEdit(new WorkspaceEdit(changes));
    return action;
  }

  /** Ranges that share a position, or touch (an empty request range inside a diagnostic). */
  static boolean overlaps(Range a, Range b) {
    return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
  }

  private static boolean before(Position x, Position y) {
    return x.getLine() < y.getLine()
        || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {}

  @Override
  public void didChange(DidChangeTextDocumentParams params) {}

  @Override
  public void didClose(DidCloseTextDocumentParams params) {}

  @Override
  public void didSave(DidSaveTextDocumentParams params) {}
}
