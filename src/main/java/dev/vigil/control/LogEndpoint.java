package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /api/runs/{runId}/stages/{stage}/log}: the stage's full log, {@code
 * <stateDir>/runs/<runId>/<stage>.log}. A name with a separator, {@code ..}, NUL or an absolute
 * form is refused (400), and so is any file whose real path leaves {@code <stateDir>/runs}.
 */
final class LogEndpoint {
  private final Path runsDir;

  LogEndpoint(Path stateDir) {
    this.runsDir = stateDir.resolve("runs").toAbsolutePath().normalize();
  }

  void handle(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    String runId = checked("run id", Requests.segment(params.get(0)));
    String stage = checked("stage", Requests.segment(params.get(1)));
    Path file = runsDir.resolve(runId).resolve(stage + ".log").normalize();
    if (!file.startsWith(runsDir) || !file.getParent().getParent().equals(runsDir)) {
      throw new HttpError(400, "the log path leaves the runs folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new HttpError(404, "no log for stage '" + stage + "' of run '" + runId + "'");
    }
    Path real = file.toRealPath();
    if (!real.startsWith(runsDir.toRealPath())) {
      throw new HttpError(400, "the log path leaves the runs folder");
    }
    Responses.headers(exchange, Responses.TEXT);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      Files.copy(real, out);
    }
  }

  private static String checked(String what, String name) throws HttpError {
    boolean bad =
        name.isEmpty()
            || name.contains("/")
            || name.contains("\\")
            || name.contains("..")
            || name.equals(".")
            || name.indexOf('\0') >= 0;
    if (!bad) {
      try {
        bad = Path.of(name).isAbsolute();
      } catch (InvalidPathException e) {
        bad = true;
      }
    }
    if (bad) {
      throw new HttpError(
          400, "bad " + what + ": it may not be empty, absolute or hold /, \\, .. or NUL");
    }
    return name;
  }
}
