package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.daemon.Daemon;
import dev.vigil.report.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/status} and {@code GET /api/runs?project=&limit=}. */
final class StatusEndpoints {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1000;

  private final Daemon daemon;
  private final Json json;

  StatusEndpoints(Daemon daemon, Json json) {
    this.daemon = daemon;
    this.json = json;
  }

  void status(HttpExchange exchange, List<String> params) throws IOException {
    Responses.json(exchange, 200, json.write(daemon.status()));
  }

  void runs(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    Map<String, String> query = Requests.query(exchange);
    Optional<String> project = Optional.ofNullable(query.get("project")).filter(p -> !p.isEmpty());
    int limit = limit(query.get("limit"));
    Responses.json(exchange, 200, json.write(daemon.runs(project, limit)));
  }

  private static int limit(String given) throws HttpError {
    if (given == null || given.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    int n;
    try {
      n = Integer.parseInt(given);
    } catch (NumberFormatException e) {
      throw new HttpError(
          400, "limit must be a whole number from 1 to " + MAX_LIMIT + ": " + given);
    }
    if (n < 1) {
      throw new HttpError(
          400, "limit must be a whole number from 1 to " + MAX_LIMIT + ": " + given);
    }
    return Math.min(n, MAX_LIMIT);
  }
}
