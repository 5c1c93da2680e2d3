package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/** Turns a diagnostic of a run record (as JSON) into its LSP form. */
final class LspDiagnostics {
  private LspDiagnostics() {}

  /** The file a diagnostic of the project at {@code root} points into; empty when it names none. */
  static Optional<Path> file(Path root, JsonNode diagnostic) {
    String file = diagnostic.path("file").asText("");
    return file.isEmpty() ? Optional.empty() : Optional.of(root.resolve(file).normalize());
  }

  static Diagnostic toLsp(Path root, String project, String stage, JsonNode d) {
    Diagnostic out = new Diagnostic();
    out.setRange(range(d));
    out.setSeverity(severity(d.path("severity").asText("")));
    out.setMessage(message(d));
    out.setSource("vigil: " + project + "/" + stage);
    String code = d.path("code").asText("");
    if (!code.isEmpty()) {
      out.setCode(code);
      docLink(code).ifPresent(href -> out.setCodeDescription(new DiagnosticCodeDescription(href)));
    }
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (JsonNode span : d.path("related")) {
      String file = span.path("file").asText("");
      if (!file.isEmpty()) {
        related.add(
            new DiagnosticRelatedInformation(
                new Location(Uris.of(root.resolve(file)), range(span)),
                span.path("label").asText("")));
      }
    }
    JsonNode fix = d.path("lastFix");
    if (fix.isObject()) {
      related.add(
          new DiagnosticRelatedInformation(
              new Location(Uris.of(root.resolve(d.path("file").asText(""))), range(d)),
              "last fixed " + fix.path("at").asText() + " in run " + fix.path("runId").asText()));
    }
    if (!related.isEmpty()) {
      out.setRelatedInformation(related);
    }
    return out;
  }

  /** The message, how often it was seen, then the tool's notes and help lines, one a line. */
  private static String message(JsonNode d) {
    StringBuilder message = new StringBuilder(d.path("message").asText(""));
    int seen = d.path("seen").asInt(1);
    if (seen > 1) {
      message.append(" (seen ").append(seen).append("x this week)");
    }
    for (JsonNode note : d.path("notes")) {
      message.append('\n').append(note.asText(""));
    }
    return message.toString();
  }

  /** 1-based line and column (0: unknown) to an LSP range; an unknown end is the start. */
  static Range range(JsonNode place) {
    Position start = position(place.path("line").asInt(0), place.path("column").asInt(0));
    int endLine = place.path("endLine").asInt(0);
    Position end = endLine > 0 ? position(endLine, place.path("endColumn").asInt(0)) : start;
    return new Range(start, end);
  }

  private static Position position(int line, int column) {
    return new Position(Math.max(0, line - 1), Math.max(0, column - 1));
  }

  static TextEdit edit(JsonNode edit) {
    return new TextEdit(range(edit.path("span")), edit.path("replacement").asText(""));
  }

  static DiagnosticSeverity severity(String severity) {
    return switch (severity) {
      case "error" -> DiagnosticSeverity.Error;
      case "warning" -> DiagnosticSeverity.Warning;
      case "note" -> DiagnosticSeverity.Information;
      default -> DiagnosticSeverity.Hint;
    };
  }

  /** Where a code is explained: rustc's error index, clippy's lint list. */
  static Optional<String> docLink(String code) {
    if (code.matches("E\\d{4}")) {
      return Optional.of("https://doc.rust-lang.org/error_codes/" + code + ".html");
    }
    if (code.startsWith("clippy::")) {
      return Optional.of(
          "https://rust-lang.github.io/rust-clippy/master/index.html#"
              + code.substring("clippy::".length()));
    }
    return Optional.empty();
  }
}
