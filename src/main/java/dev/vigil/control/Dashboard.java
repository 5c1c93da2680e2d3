package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code GET /}: the dashboard page from the jar; it holds no data and needs no token. */
final class Dashboard {
  static final String RESOURCE = "dashboard.html";

  private final byte[] page;

  Dashboard() {
    try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no dev/vigil/control/" + RESOURCE);
      }
      this.page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/vigil/control/" + RESOURCE, e);
    }
  }

  void handle(HttpExchange exchange, List<String> params) throws IOException {
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
                + " connect-src 'self'; frame-ancestors 'none'");
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    Responses.send(exchange, 200, "text/html; charset=utf-8", page);
  }
}
