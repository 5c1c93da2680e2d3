package dev.vigil.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads YAML or JSON text with Jackson's streaming parser into a {@link LocatedNode} tree. */
final class TreeReader {
  /** Jackson's "[Source: ...; line: 1, column: 14]" inside JSON messages. */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private final Problems problems;
  private final boolean json;
  private String[] lines = new String[0];

  TreeReader(Problems problems, boolean json) {
    this.problems = problems;
    this.json = json;
  }

  /** The root node, or empty when the text holds no value or cannot be parsed (then reported). */
  Optional<LocatedNode> read(String text) {
    lines = text.split("\n", -1);
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      LocatedNode root = readValue(parser);
      if (parser.nextToken() != null) {
        problems.add(
            mark(parser.currentTokenLocation()),
            json ? "unexpected content after the JSON value" : "only one YAML document is allowed");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      problems.add(errorMark(e), (json ? "invalid JSON: " : "invalid YAML: ") + describe(e));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Mark.START, "cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private LocatedNode readValue(JsonParser parser) throws IOException {
    Mark at = mark(parser.currentTokenLocation());
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(at, "YAML aliases (`*" + parser.getText() + "`) are not supported");
    }
    return switch (parser.currentToken()) {
      case START_OBJECT -> readMapping(parser, at);
      case START_ARRAY -> readSequence(parser, at);
      case VALUE_TRUE, VALUE_FALSE ->
          new LocatedNode.Scalar(LocatedNode.ScalarType.BOOLEAN, parser.getText(), at);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new LocatedNode.Scalar(LocatedNode.ScalarType.NUMBER, parser.getText(), at);
      case VALUE_NULL -> new LocatedNode.Scalar(LocatedNode.ScalarType.NULL, "", at);
      default ->
          new LocatedNode.Scalar(
              LocatedNode.ScalarType.STRING, parser.getText(), at, startsQuoted(at));
    };
  }

  /** Whether the text at {@code at} is an opening quote. */
  private boolean startsQuoted(Mark at) {
    if (at.line() > lines.length) {
      return false;
    }
    String line = lines[at.line() - 1];
    int i = at.column() - 1;
    return i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'');
  }

  private LocatedNode readSequence(JsonParser parser, Mark at) throws IOException {
    List<LocatedNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(readValue(parser));
    }
    return new LocatedNode.Sequence(items, at);
  }

  private LocatedNode readMapping(JsonParser parser, Mark at) throws IOException {
    List<LocatedNode.Entry> entries = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Mark keyMark = mark(parser.currentTokenLocation());
      parser.nextToken();
      entries.add(new LocatedNode.Entry(key, keyMark, readValue(parser)));
    }
    return new LocatedNode.Mapping(entries, at);
  }

  private static Mark mark(JsonLocation location) {
    return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static Mark errorMark(JsonProcessingException e) {
    return e.getLocation() == null ? Mark.START : mark(e.getLocation());
  }

  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml) {
      String problem = yaml.getProblem();
      String context = yaml.getContext();
      return context == null ? problem : problem + " (" + context + ")";
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return SOURCE.matcher(first).replaceAll("line $1, column $2");
  }
}
