package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/** What the language server needs of the daemon: its status, its verbs and its events. */
public interface DaemonLink {
  /** {@code GET /api/status}. */
  JsonNode status() throws IOException;

  /** {@code POST /api/VERB} for one project, or for all when {@code project} is empty. */
  void post(String verb, Optional<String> project) throws IOException;

  /**
   * Reads {@code /api/events} until the daemon ends the stream or goes away; {@code opened} runs
   * once the stream is open, so nothing published after it is missed.
   */
  void events(Runnable opened, Consumer<JsonNode> event) throws IOException;
}
