package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a request: query parameters, percent-decoded path segments and a size-capped body. */
final class Requests {
  /** The largest request body accepted. */
  static final int MAX_BODY = 64 * 1024;

  private Requests() {}

  /** Query parameters, decoded; the first value wins when a name repeats. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEscape) {
        // a malformed pair is left out, as if absent
      }
    }
    return out;
  }

  /** One raw path segment, percent-decoded ({@code +} stays a plus sign). */
  static String segment(String raw) throws HttpError {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "bad percent-encoding in the path: " + raw);
    }
  }

  /** The declared body length, -1 when none is declared. */
  static long declaredLength(HttpExchange exchange) throws HttpError {
    String header = exchange.getRequestHeaders().getFirst("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "bad Content-Length: " + header);
    }
  }

  /** The whole body, refused with 413 once it passes {@link #MAX_BODY} bytes. */
  static byte[] body(HttpExchange exchange) throws IOException, HttpError {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BODY) {
          throw tooLarge();
        }
      }
    }
    return out.toByteArray();
  }

  static HttpError tooLarge() {
    return new HttpError(413, "request body over " + MAX_BODY + " bytes");
  }
}
