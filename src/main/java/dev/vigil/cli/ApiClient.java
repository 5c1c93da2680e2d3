package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.control.ApiEndpoint;
import dev.vigil.report.Json;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Talks to the running daemon's local API, found through {@code <stateDir>/api.json}. Every way of
 * "no daemon" (no api.json, a dead PID in status.json, a refused connection) ends in the same
 * {@link UserError} with exit code 3.
 */
final class ApiClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Path stateDir;
  private final ApiEndpoint endpoint;
  private final HttpClient http;
  private final Json json = new Json();

  private ApiClient(Path stateDir, ApiEndpoint endpoint) {
    this.stateDir = stateDir;
    this.endpoint = endpoint;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /** A client for the daemon of this state dir, or a no-daemon error. */
  static ApiClient connect(Path stateDir) {
    Optional<ApiEndpoint> found;
    try {
      found = ApiEndpoint.read(stateDir);
    } catch (IOException e) {
      throw new UserError(e.getMessage() + "; " + startHint(), ExitCode.NO_DAEMON);
    }
    if (found.isEmpty() || !daemonAlive(stateDir)) {
      throw noDaemon(stateDir);
    }
    return new ApiClient(stateDir, found.get());
  }

  static UserError noDaemon(Path stateDir) {
    return new UserError(
        "no daemon is running for " + stateDir + "; " + startHint(), ExitCode.NO_DAEMON);
  }

  static String startHint() {
    return "start one with 'vigil daemon' (or 'vigil service install')";
  }

  ApiEndpoint endpoint() {
    return endpoint;
  }

  Json json() {
    return json;
  }

  /** GET a path (with its query), returning the body of a 2xx answer. */
  String get(String pathAndQuery) {
    return send(request(pathAndQuery).timeout(REQUEST_TIMEOUT).GET().build());
  }

  /** POST to a path with {@code {"project": NAME}}, or no body when no project is given. */
  String post(String path, Optional<String> project) {
    return post(
        path,
        project
            .map(p -> java.util.Map.<String, Object>of("project", p))
            .orElse(java.util.Map.of()));
  }

  /** POST to a path with {@code fields} as a JSON object, or no body when there are none. */
  String post(String path, java.util.Map<String, Object> fields) {
    HttpRequest.BodyPublisher body =
        fields.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.write(fields));
    HttpRequest.Builder b = request(path).timeout(REQUEST_TIMEOUT).POST(body);
    if (!fields.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    return send(b.build());
  }

  /**
   * Reads a streamed GET line by line until the server ends it; {@code opened} runs once the server
   * has answered, so nothing published after it is missed.
   */
  void stream(String path, Runnable opened, Consumer<String> lines) {
    HttpRequest req = request(path).header("Accept", "text/event-stream").GET().build();
    try {
      HttpResponse<InputStream> response =
          http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw failure(
              response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        opened.run();
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.accept(line);
        }
      }
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw noDaemon(stateDir);
    } catch (IOException e) {
      throw new UserError(
          "the event stream from " + endpoint.url() + " broke: " + e, ExitCode.NO_DAEMON);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted", ExitCode.FAILED);
    }
  }

  /**
   * POSTs {@code body} as JSON and hands the answer to {@code lines} line by line as it comes, with
   * no time limit; an answer other than 2xx is a {@link Refused}.
   */
  void postStreaming(String path, Object body, Consumer<String> lines) throws Refused {
    HttpRequest req =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.write(body)))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() / 100 != 2) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          throw new Refused(
              response.statusCode(),
              errorText(text).orElse("HTTP " + response.statusCode() + " from " + endpoint.url()));
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.accept(line);
        }
      }
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw noDaemon(stateDir);
    } catch (IOException e) {
      throw new UserError(
          "the daemon at " + endpoint.url() + " broke off: " + e, ExitCode.NO_DAEMON);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted", ExitCode.FAILED);
    }
  }

  /**
   * POSTs {@code body} as JSON and returns the 2xx answer's body; any other is a {@link Refused}.
   */
  String postJson(String path, Object body) throws Refused {
    StringBuilder answer = new StringBuilder();
    postStreaming(path, body, line -> answer.append(line).append('\n'));
    return answer.toString();
  }

  /** The daemon answered, but not with 2xx. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(endpoint.url() + pathAndQuery))
        .header("Authorization", "Bearer " + endpoint.token());
  }

  private String send(HttpRequest req) {
    HttpResponse<String> response;
    try {
      response = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw noDaemon(stateDir);
    } catch (IOException e) {
      throw new UserError(
          "the daemon at " + endpoint.url() + " did not answer: " + e, ExitCode.NO_DAEMON);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted", ExitCode.FAILED);
    }
    if (response.statusCode() / 100 != 2) {
      throw failure(response.statusCode(), response.body());
    }
    return response.body();
  }

  private UserError failure(int status, String body) {
    String message = errorText(body).orElse("HTTP " + status + " from " + endpoint.url());
    if (status == 401 || status == 403) {
      return new UserError(
          "the daemon at "
              + endpoint.url()
              + " refused the token in "
              + stateDir.resolve(ApiEndpoint.FILE_NAME)
              + " ("
              + message
              + "); it is not this state dir's daemon",
          ExitCode.NO_DAEMON);
    }
    return new UserError(message, status >= 500 ? ExitCode.INTERNAL : ExitCode.USAGE);
  }

  private Optional<String> errorText(String body) {
    try {
      JsonNode node = json.mapper().readTree(body);
      return Optional.ofNullable(node).map(n -> n.get("error")).map(JsonNode::asText);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** False when status.json names a daemon PID that is no longer alive. */
  private static boolean daemonAlive(Path stateDir) {
    Path file = stateDir.resolve(StatusFileWriter.FILE_NAME);
    try {
      StatusSnapshot status = new Json().readStatus(Files.readString(file, StandardCharsets.UTF_8));
      if (status.daemon() == null) {
        return true;
      }
      return ProcessHandle.of(status.daemon().pid()).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
  }
}
