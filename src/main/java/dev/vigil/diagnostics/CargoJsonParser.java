package dev.vigil.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    JsonNode span = primarySpan(message.path("spans"));
    if (span == null) {
      if (severity == Severity.ERROR && !text.startsWith("aborting due to")) {
        sink.add("", 0, 0, severity, code, text);
      }
      return;
    }
    sink.add(
        span.path("file_name").asText(""),
        span.path("line_start").asInt(0),
        span.path("column_start").asInt(0),
        severity,
        code,
        text);
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
