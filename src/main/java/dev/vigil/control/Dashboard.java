package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /}, {@code /dashboard.css} and {@code /dashboard.js}: the dashboard page from the jar.
 * It holds no data and needs no token; its script reads the token from the URL fragment.
 */
final class Dashboard {
  /** Only the page's own files may load; no inline script or style, no frames, no forms. */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final List<Asset> assets =
      List.of(
          Asset.load("/", "dashboard.html", "text/html; charset=utf-8"),
          Asset.load("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
          Asset.load("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"));

  /** One GET route per file. */
  List<Route> routes() {
    return assets.stream()
        .map(asset -> new Route("GET", asset.path(), (exchange, params) -> send(exchange, asset)))
        .toList();
  }

  private static void send(HttpExchange exchange, Asset asset) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    Responses.send(exchange, 200, asset.contentType(), asset.body());
  }

  private record Asset(String path, String contentType, byte[] body) {
    static Asset load(String path, String resource, String contentType) {
      try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the jar has no dev/vigil/control/" + resource);
        }
        return new Asset(path, contentType, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dev/vigil/control/" + resource, e);
      }
    }
  }
}
