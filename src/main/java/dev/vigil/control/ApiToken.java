package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The secret every {@code /api} request must carry: 32 random bytes, base64url. Taken from {@code
 * Authorization: Bearer TOKEN}, or on the event stream alone (EventSource cannot set headers) from
 * {@code ?token=}, which a URL leaks into logs and histories far more easily than a header;
 * compared in constant time.
 */
final class ApiToken {
  private static final String BEARER = "Bearer ";

  private final String value;
  private final byte[] bytes;

  private ApiToken(String value) {
    this.value = value;
    this.bytes = value.getBytes(StandardCharsets.UTF_8);
  }

  static ApiToken generate(SecureRandom random) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
  }

  String value() {
    return value;
  }

  /**
   * Whether the request carries this token: in the Authorization header, or in the query when
   * {@code queryAllowed} and the request is a GET.
   */
  boolean accepts(HttpExchange exchange, boolean queryAllowed) {
    List<String> auth = exchange.getRequestHeaders().get("Authorization");
    String given = null;
    if (auth != null && !auth.isEmpty()) {
      String header = auth.get(0);
      if (auth.size() == 1 && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        given = header.substring(BEARER.length()).trim();
      }
    } else if (queryAllowed && "GET".equals(exchange.getRequestMethod())) {
      given = Requests.query(exchange).get("token");
    }
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), bytes);
  }
}
