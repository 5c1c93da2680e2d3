package dev.vigil.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.run.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cargo-json} format: {@code cargo build --message-format=json} lines whose reason is
 * {@code compiler-message}; the primary span gives the place. Other lines (artifacts, plain text)
 * are skipped.
 */
final class CargoJsonParser extends LineParser {
  static final String PREFIX = "{\"reason\":";

  private final ObjectMapper mapper;

  CargoJsonParser(Sink sink, ObjectMapper mapper) {
    super(sink);
    this.mapper = mapper;
  }

  @Override
  void plainLine(LineBytes line) {
    // no colon: no cargo record
  }

  @Override
  void line(String line) {
    if (!line.startsWith(PREFIX) || !line.contains("\"compiler-message\"")) {
      return;
    }
    JsonNode message;
    try {
      JsonNode root = mapper.readTree(line);
      if (!"compiler-message".equals(root.path("reason").asText())) {
        return;
      }
      message = root.path("message");
    } catch (JsonProcessingException e) {
      return; // a line cut short by the output bound; the rest of the output still counts
    }
    Severity severity = severity(message.path("level").asText());
    if (severity == null) {
      return;
    }
    String text = message.path("message").asText("");
    String code = message.path("code").path("code").asText("");
    List<String> notes = notes(message.path("children"));
    String rendered = AnsiCodes.strip(message.path("rendered").asText(""));
    JsonNode span = primarySpan(message.path("spans"));
    if (span == null) {
      if (severity == Severity.ERROR && !text.startsWith("aborting due to")) {
        sink.add("", 0, 0, severity, code, text, Extent.text(notes, rendered));
      }
      return;
    }
    String label = span.path("label").asText("");
    sink.add(
        span.path("file_name").asText(""),
        span.path("line_start").asInt(0),
        span.path("column_start").asInt(0),
        severity,
        code,
        label.isEmpty() ? text : text + ": " + label,
        new Extent(
            span.path("line_end").asInt(0),
            span.path("column_end").asInt(0),
            related(message, span),
            suggestions(message.path("children")),
            notes,
            rendered));
  }

  /** The children's messages as the tool prints them: {@code note: ...}, {@code help: ...}. */
  private static List<String> notes(JsonNode children) {
    List<String> found = new ArrayList<>();
    for (JsonNode child : children) {
      String text = child.path("message").asText("");
      if (!text.isEmpty()) {
        found.add(child.path("level").asText("note") + ": " + text);
      }
    }
    return found;
  }

  /** The message's other spans and its children's spans that offer no replacement. */
  private static List<Diagnostic.Span> related(JsonNode message, JsonNode primary) {
    List<Diagnostic.Span> found = new ArrayList<>();
    for (JsonNode span : message.path("spans")) {
      if (span != primary) {
        found.add(span(span, span.path("label").asText("")));
      }
    }
    for (JsonNode child : message.path("children")) {
      for (JsonNode span : child.path("spans")) {
        if (span.path("suggested_replacement").isNull()
            || span.path("suggested_replacement").isMissingNode()) {
          String label = span.path("label").asText("");
          found.add(span(span, label.isEmpty() ? child.path("message").asText("") : label));
        }
      }
    }
    return found;
  }

  /** Children whose every replacement the tool marks machine-applicable. */
  private static List<Diagnostic.Suggestion> suggestions(JsonNode children) {
    List<Diagnostic.Suggestion> found = new ArrayList<>();
    for (JsonNode child : children) {
      List<Diagnostic.Edit> edits = new ArrayList<>();
      boolean applicable = true;
      for (JsonNode span : child.path("spans")) {
        JsonNode replacement = span.path("suggested_replacement");
        if (!replacement.isTextual()) {
          continue;
        }
        applicable &= "MachineApplicable".equals(span.path("suggestion_applicability").asText());
        edits.add(new Diagnostic.Edit(span(span, ""), replacement.asText()));
      }
      if (applicable && !edits.isEmpty()) {
        found.add(new Diagnostic.Suggestion(child.path("message").asText(""), edits));
      }
    }
    return found;
  }

  private static Diagnostic.Span span(JsonNode span, String label) {
    return new Diagnostic.Span(
        span.path("file_name").asText(""),
        span.path("line_start").asInt(0),
        span.path("column_start").asInt(0),
        span.path("line_end").asInt(0),
        span.path("column_end").asInt(0),
        label);
  }

  private static Severity severity(String level) {
    if (level.startsWith("error")) {
      return Severity.ERROR;
    }
    if (level.equals("warning")) {
      return Severity.WARNING;
    }
    return level.equals("note") || level.equals("help") ? Severity.NOTE : null;
  }

  private static JsonNode primarySpan(JsonNode spans) {
    for (JsonNode span : spans) {
      if (span.path("is_primary").asBoolean(false)) {
        return span;
      }
    }
    return spans.isEmpty() ? null : spans.get(0);
  }
}
