package dev.vigil.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.control.ApiEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon of a state dir, through the URL and token in its {@code api.json}, over plain HTTP on
 * loopback ({@link LoopbackHttp}).
 */
public final class HttpDaemonLink implements DaemonLink {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path stateDir;
  private final ObjectMapper json;

  public HttpDaemonLink(Path stateDir, ObjectMapper json) {
    this.stateDir = stateDir;
    this.json = json;
  }

  @Override
  public JsonNode status() throws IOException {
    return json.readTree(call("GET", "/api/status", null));
  }

  @Override
  public void post(String verb, Optional<String> project) throws IOException {
    byte[] body =
        project
            .map(p -> json.valueToTree(Map.of("project", p)).toString())
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElse(null);
    call("POST", "/api/" + verb, body);
  }

  @Override
  public void events(Runnable opened, Consumer<JsonNode> event) throws IOException {
    ApiEndpoint endpoint = endpoint();
    try (LoopbackHttp.Response response =
        LoopbackHttp.send(endpoint.url(), endpoint.token(), "GET", "/api/events", null, null)) {
      if (response.status() / 100 != 2) {
        throw new IOException("the event stream answered HTTP " + response.status());
      }
      opened.run();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
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

  private ApiEndpoint endpoint() throws IOException {
    return ApiEndpoint.read(stateDir)
        .orElseThrow(() -> new IOException("no daemon is running for " + stateDir));
  }

  private String call(String method, String path, byte[] body) throws IOException {
    ApiEndpoint endpoint = endpoint();
    try (LoopbackHttp.Response response =
        LoopbackHttp.send(endpoint.url(), endpoint.token(), method, path, body, TIMEOUT)) {
      String text = response.text();
      if (response.status() / 100 != 2) {
        throw new IOException(method + " " + path + ": HTTP " + response.status() + " " + text);
      }
      return text;
    }
  }
}
