package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running daemon, under the launcher's heap limit, meets stages that misbehave: output that is
 * not UTF-8 with a line of 10 MB, and a command that does not exist. Console, log file, history and
 * API stay readable, and the daemon goes on to the next run.
 */
class StageOutputIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path project;
  @TempDir Path state;
  @RegisterExtension final DaemonProcesses daemons = new DaemonProcesses();
  private Process daemon;

  @Test
  void bytesThatAreNotUtf8AndATenMegabyteLineLeaveConsoleLogHistoryAndApiReadable()
      throws Exception {
    Files.writeString(project.resolve("broken"), "");
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            stages:
              - name: gen
                run: >-
                  printf 'first \\377\\376 line\\n';
                  head -c 10485760 /dev/zero | tr '\\0' x;
                  printf '\\nraw \\377\\376 end\\n';
                  test ! -e broken
        """);
    Path console = state.resolve("console.txt");
    daemon = daemons.track(daemon(console));

    JsonNode first = awaitRecord(1);
    assertThat(first.path("result").asText()).isEqualTo("failed");
    JsonNode gen = first.path("stages").get(0);
    String tail = gen.path("outputTail").asText();
    assertThat(tail).endsWith("x\nraw \uFFFD\uFFFD end\n");
    assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);

    byte[] log = Files.readAllBytes(state.resolve(gen.path("logFile").asText()));
    assertThat(Arrays.copyOf(log, 14))
        .isEqualTo("first \u00ff\u00fe line\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(log.length).isLessThanOrEqualTo(8 * 1024 * 1024 + 4096);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(consoleLines(console)).anyMatch(l -> l.contains("log: ")));
    List<String> lines = consoleLines(console);
    assertThat(lines).anyMatch(l -> l.matches("    raw .+ end"));
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(1_000));

    assertThat(api("/api/runs?project=app&limit=5").statusCode()).isEqualTo(200);
    String logPath = "/api/runs/" + first.path("runId").asText() + "/stages/gen/log";
    assertThat(api(logPath).statusCode()).isEqualTo(200);

    Files.delete(project.resolve("broken"));
    JsonNode second = awaitRecord(2);
    assertThat(second.path("result").asText()).isEqualTo("passed");
    assertThat(daemon.isAlive()).isTrue();
  }

  @Test
  void aStageCommandThatDoesNotExistSaysSoAndTheDaemonGoesOn() throws Exception {
    Path config = project.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: lint, run: "no-such-linter-vigil-it --check"}
        """);
    Path console = state.resolve("console.txt");
    daemon = daemons.track(daemon(console));

    JsonNode first = awaitRecord(1);
    JsonNode lint = first.path("stages").get(0);
    assertThat(lint.path("exitCode").asInt()).isEqualTo(127);
    assertThat(lint.path("outputTail").asText())
        .contains("vigil: command not found (exit 127): no-such-linter-vigil-it");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(consoleLines(console))
                    .anyMatch(l -> l.contains("command not found (exit 127): no-such-linter")));

    Files.writeString(
        config,
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: lint, run: "echo linted"}
        """);
    JsonNode second = awaitRecord(2);
    assertThat(second.path("result").asText()).isEqualTo("passed");
    assertThat(daemon.isAlive()).isTrue();
  }

  private Process daemon(Path console) throws Exception {
    return new VigilJar(project, state)
        .jvm("-Xmx96m")
        .jvm("-XX:+ExitOnOutOfMemoryError")
        .startLogging(console, "daemon");
  }

  /** The n-th record of the history, once there is one; every line must parse. */
  private JsonNode awaitRecord(int n) {
    Path history = state.resolve("history.jsonl");
    List<JsonNode> records = new ArrayList<>();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              records.clear();
              if (Files.exists(history)) {
                for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
                  records.add(JSON.readTree(line));
                }
              }
              assertThat(daemon.isAlive()).as("daemon alive").isTrue();
              assertThat(records).hasSizeGreaterThanOrEqualTo(n);
            });
    return records.get(n - 1);
  }

  /** The console's lines, read byte by byte: its charset is the machine's locale. */
  private List<String> consoleLines(Path console) throws Exception {
    return Files.readAllLines(console, StandardCharsets.ISO_8859_1);
  }

  private HttpResponse<String> api(String path) throws Exception {
    JsonNode api = JSON.readTree(state.resolve("api.json").toFile());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.path("url").asText() + path))
            .header("Authorization", "Bearer " + api.path("token").asText())
            .timeout(Duration.ofSeconds(30))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
