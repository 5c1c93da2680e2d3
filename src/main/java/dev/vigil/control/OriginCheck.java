package dev.vigil.control;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * The cross-site defence: a browser names the page that made a request in its {@code Origin}
 * header, and a request is answered only when that header is absent (not sent by a browser, or a
 * plain navigation) or names the dashboard's own origin, {@code http://} followed by the request's
 * own (loopback, see {@link HostCheck}) Host. A page on any other site, a sandboxed frame ({@code
 * null}) or another port is refused, even when it somehow holds the token.
 */
final class OriginCheck {
  private OriginCheck() {}

  /** Whether the request has no Origin, or the dashboard's own. */
  static boolean isOwn(Headers headers) {
    List<String> origins = headers.get("Origin");
    if (origins == null || origins.isEmpty()) {
      return true;
    }
    List<String> hosts = headers.get("Host");
    if (origins.size() != 1 || hosts == null || hosts.size() != 1) {
      return false;
    }
    return origins.get(0).trim().equalsIgnoreCase("http://" + hosts.get(0).trim());
  }
}
