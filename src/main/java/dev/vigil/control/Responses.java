package dev.vigil.control;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sending a response: JSON, plain text, or an error as {"error": "..."}; never any CORS header. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private Responses() {}

  static void json(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    json(exchange, status, "{\"error\":\"" + quoted + "\"}");
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    headers(exchange, contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The headers every response has, plus its content type. */
  static void headers(HttpExchange exchange, String contentType) {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
  }
}
