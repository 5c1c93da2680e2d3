package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.control.ApiEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The daemon of a state dir, through the URL and token in its {@code api.json}. */
public final class HttpDaemonLink implements DaemonLink {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path stateDir;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public HttpDaemonLink(Path stateDir, ObjectMapper json) {
    this.stateDir = stateDir;
    this.json = json;
  }

  @Override
  public JsonNode status() throws IOException {
    return json.readTree(send(request("/api/status").timeout(TIMEOUT).GET().build()));
  }

  @Override
  public void post(String verb, Optional<String> project) throws IOException {
    HttpRequest.BodyPublisher body =
        project
            .map(
                p ->
                    HttpRequest.BodyPublishers.ofString(
                        json.valueToTree(Map.of("project", p)).toString()))
            .orElse(HttpRequest.BodyPublishers.noBody());
    send(
        request("/api/" + verb)
            .header("Content-Type", "application/json")
            .timeout(TIMEOUT)
            .POST(body)
            .build());
  }

  @Override
  public void events(Runnable opened, Consumer<JsonNode> event) throws IOException {
    HttpRequest req = request("/api/events").header("Accept", "text/event-stream").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new IOException("the event stream answered HTTP " + response.statusCode());
      }
      opened.run();
      BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      StringBuilder data = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("data:")) {
          data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        } else if (line.isEmpty() && data.length() > 0) {
          event.accept(json.readTree(data.toString()));
          data.setLength(0);
        }
      }
    }
  }

  private HttpRequest.Builder request(String path) throws IOException {
    ApiEndpoint endpoint =
        ApiEndpoint.read(stateDir)
            .orElseThrow(() -> new IOException("no daemon is running for " + stateDir));
    return HttpRequest.newBuilder(URI.create(endpoint.url() + path))
        .header("Authorization", "Bearer " + endpoint.token());
  }

  private String send(HttpRequest req) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          req.method()
              + " "
              + req.uri().getPath()
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }
}
