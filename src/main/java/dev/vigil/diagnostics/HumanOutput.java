package dev.vigil.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool's output as a person reads it: cargo's JSON records ({@code --message-format=json}) become
 * the text cargo would have printed ({@code rendered}), cargo's other records (artifacts, build
 * scripts, the final status) are left out, every other line stays as it is; escape codes are
 * removed from all of it. The parsers still read the JSON; this is for the output tail, the
 * dashboard and {@code vigil logs}.
 */
public final class HumanOutput {
  private ObjectMapper mapper;

  /** The lines a person reads in place of one line of output: none, the line, or several. */
  public List<String> lines(String line) {
    String text = AnsiCodes.strip(line);
    if (!text.startsWith(CargoJsonParser.PREFIX)) {
      return List.of(text);
    }
    if (!text.startsWith(CargoJsonParser.PREFIX + "\"compiler-message\"")) {
      return List.of();
    }
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
    JsonNode rendered;
    try {
      rendered = mapper.readTree(text).path("message").path("rendered");
    } catch (JsonProcessingException e) {
      return List.of(text); // cut short: show what there is
    }
    if (!rendered.isTextual()) {
      return List.of();
    }
    String human = AnsiCodes.strip(rendered.asText()).stripTrailing();
    return human.isEmpty() ? List.of() : List.of(human.split("\r?\n", -1));
  }

  /**
   * A whole output, such as a stage's log, rendered line by line; each line ends with a newline.
   */
  public String render(String output) {
    StringBuilder out = new StringBuilder(output.length());
    List<String> lines = new ArrayList<>();
    output.lines().forEach(lines::add);
    for (String line : lines) {
      for (String human : lines(line)) {
        out.append(human).append('\n');
      }
    }
    return out.toString();
  }
}
