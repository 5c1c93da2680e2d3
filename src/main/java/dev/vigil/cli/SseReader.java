package dev.vigil.cli;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns Server-Sent Events lines into (event name, data) pairs, one per blank-line-ended block;
 * comments ({@code : ping}) are skipped.
 */
final class SseReader implements Consumer<String> {
  private final BiConsumer<String, String> events;
  private String name = "message";
  private StringBuilder data;

  SseReader(BiConsumer<String, String> events) {
    this.events = events;
  }

  @Override
  public void accept(String line) {
    if (line.isEmpty()) {
      if (data != null) {
        events.accept(name, data.toString());
      }
      name = "message";
      data = null;
    } else if (line.startsWith("event:")) {
      name = value(line, 6);
    } else if (line.startsWith("data:")) {
      if (data == null) {
        data = new StringBuilder();
      } else {
        data.append('\n');
      }
      data.append(value(line, 5));
    }
  }

  private static String value(String line, int from) {
    String v = line.substring(from);
    return v.startsWith(" ") ? v.substring(1) : v;
  }
}
