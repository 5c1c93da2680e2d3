package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the server: refuses a foreign Host or a foreign Origin (403, every path), a
 * missing or wrong token on {@code /api} (401; the query form only on {@link #EVENTS}) and an
 * oversized body (413), then hands the request to the route whose path and method match (404 for no
 * path, 405 for the wrong method).
 */
final class Router implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  /** The one path that takes the token in its query: EventSource cannot send headers. */
  static final String EVENTS = "/api/events";

  private final List<Route> routes;
  private final ApiToken token;

  Router(List<Route> routes, ApiToken token) {
    this.routes = List.copyOf(routes);
    this.token = token;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      dispatch(exchange);
    } catch (HttpError e) {
      trySend(exchange, e.status(), e.getMessage());
    } catch (IOException e) {
      log.debug("API request {} ended: {}", exchange.getRequestURI(), e.toString());
    } catch (RuntimeException e) {
      log.warn("API request {} failed", exchange.getRequestURI(), e);
      trySend(exchange, 500, "internal error: " + e);
    } finally {
      exchange.close();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException, HttpError {
    if (!HostCheck.isLoopback(exchange.getRequestHeaders().get("Host"))) {
      throw new HttpError(403, "the Host header must name the loopback interface");
    }
    if (!OriginCheck.isOwn(exchange.getRequestHeaders())) {
      throw new HttpError(403, "requests from other sites are refused (Origin header)");
    }
    String path = exchange.getRequestURI().getRawPath();
    if ((path.equals("/api") || path.startsWith("/api/"))
        && !token.accepts(exchange, path.equals(EVENTS))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new HttpError(401, "a valid token is needed (see api.json in the state dir)");
    }
    if (Requests.declaredLength(exchange) > Requests.MAX_BODY) {
      throw Requests.tooLarge();
    }
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<List<String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      if (route.method().equals(exchange.getRequestMethod())) {
        route.endpoint().handle(exchange, params.get());
        return;
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw new HttpError(404, "no such path: " + path);
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new HttpError(405, exchange.getRequestMethod() + " is not allowed on " + path);
  }

  private static void trySend(HttpExchange exchange, int status, String message) {
    try {
      Responses.error(exchange, status, message);
    } catch (IOException | RuntimeException e) {
      // the response had begun or the client left; nothing more to tell it
      log.debug("could not send {} for {}: {}", status, exchange.getRequestURI(), e.toString());
    }
  }
}
