package dev.vigil.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.UnknownProjectException;
import dev.vigil.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code POST /api/trigger|pause|resume|reload|stop}, each with an optional body {@code {"project":
 * "NAME"}}; no body means every project. A trigger may add {@code "noCache": true}.
 */
final class CommandEndpoints {
  private static final long WAIT_SECONDS = 10;
  private static final Set<String> PROJECT_FIELDS = Set.of("project");
  private static final Set<String> TRIGGER_FIELDS = Set.of("project", "noCache");
  private static final String TRIGGER_SHAPE = "{\"project\": \"NAME\", \"noCache\": true}";

  private final Daemon daemon;
  private final Json json;

  CommandEndpoints(Daemon daemon, Json json) {
    this.daemon = daemon;
    this.json = json;
  }

  /** {@code {"project": NAME, "noCache": true}}: both optional; noCache runs every stage. */
  void trigger(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    JsonNode body = body(exchange, TRIGGER_FIELDS);
    JsonNode noCache = body.get("noCache");
    if (noCache != null && !noCache.isNull() && !noCache.isBoolean()) {
      throw new HttpError(400, "noCache must be true or false");
    }
    boolean bypass = noCache != null && noCache.asBoolean(false);
    perProject(exchange, project(body), p -> daemon.trigger(p, bypass));
  }

  void pause(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    perProject(exchange, daemon::pause);
  }

  void resume(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    perProject(exchange, daemon::resume);
  }

  void reload(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    noProject(exchange, "reload");
    Optional<String> problem = daemon.reload();
    if (problem.isPresent()) {
      throw new HttpError(422, problem.get());
    }
    Responses.json(exchange, 200, "{\"ok\":true}");
  }

  /** Answers first, then stops the daemon, so the client hears back. */
  void stop(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    noProject(exchange, "stop");
    Responses.json(exchange, 202, "{\"ok\":true}");
    exchange.close();
    daemon.stop();
  }

  private void perProject(
      HttpExchange exchange, Function<Optional<String>, CompletableFuture<Void>> action)
      throws IOException, HttpError {
    perProject(exchange, project(exchange), action);
  }

  private void perProject(
      HttpExchange exchange,
      Optional<String> project,
      Function<Optional<String>, CompletableFuture<Void>> action)
      throws IOException, HttpError {
    CompletableFuture<Void> done;
    try {
      done = action.apply(project);
    } catch (UnknownProjectException e) {
      throw new HttpError(404, e.getMessage());
    }
    try {
      done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      Responses.json(exchange, 202, "{\"ok\":true,\"pending\":true}");
      return;
    } catch (ExecutionException e) {
      throw new HttpError(500, "the daemon could not do it: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "the API is shutting down");
    }
    Responses.json(exchange, 200, "{\"ok\":true}");
  }

  private void noProject(HttpExchange exchange, String verb) throws IOException, HttpError {
    if (project(exchange).isPresent()) {
      throw new HttpError(400, verb + " applies to the whole daemon; it takes no project");
    }
  }

  /** The body's project, empty for no body, an empty body or a null project. */
  private Optional<String> project(HttpExchange exchange) throws IOException, HttpError {
    return project(body(exchange, PROJECT_FIELDS));
  }

  /** The body as an object whose fields are all among {@code allowed}; empty for no body. */
  private JsonNode body(HttpExchange exchange, Set<String> allowed) throws IOException, HttpError {
    String shape = allowed.equals(PROJECT_FIELDS) ? "{\"project\": \"NAME\"}" : TRIGGER_SHAPE;
    String text = new String(Requests.body(exchange), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return json.mapper().createObjectNode();
    }
    JsonNode body;
    try {
      body = json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new HttpError(400, "the body is not JSON; send " + shape + " or nothing");
    }
    if (body == null || body.isNull()) {
      return json.mapper().createObjectNode();
    }
    if (!body.isObject()) {
      throw new HttpError(400, "the body must be " + shape + " or nothing");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new HttpError(400, "unknown field '" + name + "'; the body is " + shape);
      }
    }
    return body;
  }

  private static Optional<String> project(JsonNode body) throws HttpError {
    JsonNode project = body.get("project");
    if (project == null || project.isNull()) {
      return Optional.empty();
    }
    if (!project.isTextual() || project.asText().isEmpty()) {
      throw new HttpError(400, "project must be a non-empty string");
    }
    return Optional.of(project.asText());
  }
}
