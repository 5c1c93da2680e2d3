package dev.vigil.control;

import static org.awaitility.Awaitility.await;

import dev.vigil.config.ConfigLoader;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.DaemonOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.run.RunRecord;
import dev.vigil.watch.WatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real daemon on a temp project with its local API started; register with
 * {@code @RegisterExtension}. Both are stopped after each test.
 */
public final class ApiFixture implements AfterEachCallback {
  public static final Duration WAIT = Duration.ofSeconds(30);

  public Path root;
  public Path stateDir;
  public Daemon daemon;
  public ControlServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /** One project {@code app} whose single stage {@code check} runs {@code command}. */
  public static String oneStage(String command) {
    return """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "%s"}
        """
        .formatted(command);
  }

  /** Writes {@code root/vigil.yaml}, starts a daemon on it and the API on a free port. */
  public ApiFixture start(Path root, Path stateDir, String yaml) throws Exception {
    return start(root, stateDir, yaml, Duration.ofSeconds(15));
  }

  ApiFixture start(Path root, Path stateDir, String yaml, Duration ping) throws Exception {
    return start(root, stateDir, yaml, ping, Duration.ofSeconds(5));
  }

  /** As above, with the SSE ping interval and the API's read deadline chosen. */
  ApiFixture start(Path root, Path stateDir, String yaml, Duration ping, Duration readDeadline)
      throws Exception {
    this.root = root;
    this.stateDir = stateDir;
    Path config = root.resolve("vigil.yaml");
    Files.writeString(config, yaml);
    DaemonOptions options =
        new DaemonOptions(
            ConfigLoader.load(config),
            Optional.of(config),
            stateDir,
            Map.of("HOME", stateDir.resolve("home").toString(), "PATH", System.getenv("PATH")),
            WatchSettings.DEFAULTS,
            "test");
    PrintStream console =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    daemon = Daemon.start(options, ConsoleReporter.human(console, stateDir, false));
    server = ControlServer.start(daemon, stateDir, 0, ping, readDeadline);
    return this;
  }

  public URI url(String pathAndQuery) {
    return URI.create(server.endpoint().url() + pathAndQuery);
  }

  public String token() {
    return server.endpoint().token();
  }

  public HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(pathAndQuery))
            .header("Authorization", "Bearer " + token())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(path))
            .header("Authorization", "Bearer " + token())
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Finished runs, newest first. */
  public List<RunRecord> runs() throws Exception {
    return daemon.runs(Optional.empty(), 1000);
  }

  /** Waits until n runs have finished. */
  public void awaitRuns(int n) {
    await().atMost(WAIT).until(() -> runs().size() >= n);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
    if (daemon != null) {
      daemon.stop().join();
    }
  }
}
