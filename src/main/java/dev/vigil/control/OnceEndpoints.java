package dev.vigil.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.vigil.daemon.ConfigDiffersException;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.OnceEvent;
import dev.vigil.daemon.UnknownProjectException;
import dev.vigil.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code vigil once} done by the daemon: {@code POST /api/once} with {@code {"projects": {"NAME":
 * "CONFIG-DIGEST", ...}}} runs them and streams {@link OnceEvent}s as JSON lines (404 for a project
 * the daemon does not have, 409 when its config for one differs); {@code POST /api/hold} with
 * {@code {"projects": ["NAME", ...]}} holds them and answers {@code {"hold": "ID"}}; {@code POST
 * /api/release} with {@code {"hold": "ID"}} lets that hold go.
 */
final class OnceEndpoints {
  static final String NDJSON = "application/x-ndjson; charset=utf-8";

  private final Daemon daemon;
  private final Json json;

  OnceEndpoints(Daemon daemon, Json json) {
    this.daemon = daemon;
    this.json = json;
  }

  void once(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    JsonNode projects = field(body(exchange), "projects");
    if (!projects.isObject() || projects.isEmpty()) {
      throw new HttpError(400, "projects must be an object {\"NAME\": \"CONFIG-DIGEST\", ...}");
    }
    Map<String, String> digests = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = projects.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      digests.put(e.getKey(), e.getValue().asText());
    }
    BlockingQueue<OnceEvent> events = new LinkedBlockingQueue<>();
    CompletableFuture<Boolean> done;
    try {
      done = daemon.once(digests, events::add);
    } catch (UnknownProjectException e) {
      throw new HttpError(404, e.getMessage());
    } catch (ConfigDiffersException e) {
      throw new HttpError(409, e.getMessage());
    } catch (IllegalStateException e) {
      throw new HttpError(503, e.getMessage());
    }
    Responses.headers(exchange, NDJSON);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      while (true) {
        OnceEvent next = events.poll(1, TimeUnit.SECONDS);
        if (next != null) {
          out.write((json.write(next) + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          if (next instanceof OnceEvent.Done) {
            return;
          }
        } else if (done.isDone() && events.isEmpty()) {
          return; // ended without a Done: the client sees the stream end early
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void hold(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    JsonNode projects = field(body(exchange), "projects");
    if (!projects.isArray() || projects.isEmpty()) {
      throw new HttpError(400, "projects must be a list of project names");
    }
    List<String> names = new ArrayList<>();
    projects.forEach(p -> names.add(p.asText()));
    String id;
    try {
      id = daemon.hold(names);
    } catch (UnknownProjectException e) {
      throw new HttpError(404, e.getMessage());
    }
    Responses.json(exchange, 200, json.write(Map.of("hold", id)));
  }

  void release(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    JsonNode hold = field(body(exchange), "hold");
    if (!hold.isTextual() || !daemon.release(hold.asText())) {
      throw new HttpError(404, "no such hold: " + hold);
    }
    Responses.json(exchange, 200, "{\"ok\":true}");
  }

  private JsonNode body(HttpExchange exchange) throws IOException, HttpError {
    String text = new String(Requests.body(exchange), StandardCharsets.UTF_8);
    try {
      JsonNode node = json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw new HttpError(400, "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new HttpError(400, "the body is not JSON");
    }
  }

  private static JsonNode field(JsonNode body, String name) throws HttpError {
    JsonNode value = body.get(name);
    if (value == null) {
      throw new HttpError(400, "the body needs '" + name + "'");
    }
    return value;
  }
}
