package dev.vigil.cache;

import java.net.http.HttpResponse;
import java.util.Optional;

/** What a remote's HTTP status means: a body, nothing stored, or a failure with its reason. */
final class RemoteAnswers {
  private RemoteAnswers() {}

  static Optional<byte[]> body(HttpResponse<byte[]> r, String remote) {
    if (r.statusCode() == 200) {
      return Optional.of(r.body());
    }
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    throw new RemoteFailure(remote + " answered " + statusText(r.statusCode()));
  }

  static void stored(HttpResponse<?> r, String remote) {
    if (r.statusCode() / 100 != 2) {
      throw new RemoteFailure(remote + " refused the upload: " + statusText(r.statusCode()));
    }
  }

  private static String statusText(int code) {
    return switch (code) {
      case 401 -> "401 (the token is missing or wrong)";
      case 403 -> "403 (the token may not do this)";
      default -> "HTTP " + code;
    };
  }

  /** A remote that answered, but not with what was asked. */
  static final class RemoteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteFailure(String message) {
      super(message);
    }
  }
}
