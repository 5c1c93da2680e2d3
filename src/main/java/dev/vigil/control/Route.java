package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One method and path pattern and the endpoint that answers it. A pattern is a literal path where a
 * {@code {}} segment matches any one non-empty raw segment, handed to the endpoint undecoded.
 */
record Route(String method, String pattern, Endpoint endpoint) {
  /** Answers one matched request. */
  @FunctionalInterface
  interface Endpoint {
    void handle(HttpExchange exchange, List<String> params) throws IOException, HttpError;
  }

  /** The raw segments the placeholders matched, or empty when the path does not match. */
  Optional<List<String>> match(String rawPath) {
    String[] want = pattern.split("/", -1);
    String[] got = rawPath.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("{}")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.add(got[i]);
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
