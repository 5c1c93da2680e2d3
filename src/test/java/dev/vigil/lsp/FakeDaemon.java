package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A daemon the test drives: a fixed status, events the test sends, verbs it records. {@link
 * #goAway()} ends the current event stream and refuses the next connections until {@link
 * #comeBack()}.
 */
final class FakeDaemon implements DaemonLink {
  private static final JsonNode END = new ObjectMapper().createObjectNode().put("end", true);

  final ObjectMapper json = new ObjectMapper();
  final List<String> posts = new CopyOnWriteArrayList<>();
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private volatile JsonNode status;
  private volatile boolean away;
  private volatile int streamsOpened;

  FakeDaemon(String statusJson) throws IOException {
    this.status = json.readTree(statusJson);
  }

  void send(String eventJson) throws IOException {
    events.add(json.readTree(eventJson));
  }

  void goAway() {
    away = true;
    events.add(END);
  }

  void comeBack() {
    away = false;
  }

  int streamsOpened() {
    return streamsOpened;
  }

  @Override
  public JsonNode status() throws IOException {
    if (away) {
      throw new IOException("connection refused");
    }
    return status;
  }

  @Override
  public void post(String verb, Optional<String> project) throws IOException {
    posts.add(verb + " " + project.orElse("*"));
  }

  @Override
  public void events(Runnable opened, Consumer<JsonNode> event) throws IOException {
    if (away) {
      throw new IOException("connection refused");
    }
    streamsOpened++;
    opened.run();
    while (true) {
      JsonNode next;
      try {
        next = events.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (next == END) {
        return;
      }
      event.accept(next);
    }
  }
}
