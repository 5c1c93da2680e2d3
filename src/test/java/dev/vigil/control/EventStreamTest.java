package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.report.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events}: the run's events, in order, as Server-Sent Events. */
class EventStreamTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "test-sse-reader");
            t.setDaemon(true);
            return t;
          });
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Json json = new Json();

  @AfterEach
  void closeReader() {
    reader.shutdownNow();
  }

  @Test
  void aTriggeredRunArrivesAsStartedStageStartedStageFinishedFinished() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo streamed"));
    subscribe("/api/events", true);

    fx.post("/api/trigger", null);
    await()
        .atMost(ApiFixture.WAIT)
        .until(() -> events().stream().anyMatch(e -> e.name.equals("run-finished")));

    List<Event> events = events().stream().filter(e -> !e.name.equals("run-queued")).toList();
    assertThat(events)
        .extracting(e -> e.name)
        .containsExactly("run-started", "stage-started", "stage-finished", "run-finished");
    for (Event e : events) {
      assertThat(e.data.get("type").asText()).isEqualTo(e.name);
      assertThat(e.data.get("run").get("runId").asText()).isEqualTo("app-1");
      assertThat(e.data.get("run").get("project").asText()).isEqualTo("app");
    }
    assertThat(events.get(1).data.get("stage").asText()).isEqualTo("check");
    assertThat(events.get(2).data.get("stage").asText()).isEqualTo("check");
    JsonNode finished = events.get(3).data.get("run");
    assertThat(finished.get("result").asText()).isEqualTo("passed");
    assertThat(finished.get("stages").get(0).get("outputTail").asText()).contains("streamed");
  }

  @Test
  void theTokenInTheQueryOpensTheStreamAndPingsKeepItAlive() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"), Duration.ofMillis(100));
    subscribe("/api/events?token=" + fx.token(), false);
    await().atMost(ApiFixture.WAIT).until(() -> lines.contains(": ping"));
  }

  @Test
  void closingTheServerEndsTheStream() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    Future<?> reading = subscribe("/api/events", true);
    await().atMost(ApiFixture.WAIT).until(() -> fx.daemon.events().subscriberCount() == 1);
    fx.server.close();
    await().atMost(ApiFixture.WAIT).until(reading::isDone);
    assertThat(fx.daemon.events().subscriberCount()).isZero();
  }

  private Future<?> subscribe(String path, boolean header) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(fx.url(path));
    if (header) {
      request.header("Authorization", "Bearer " + fx.token());
    }
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
    return reader.submit(
        () -> {
          try (Stream<String> body = response.body()) {
            body.forEach(lines::add);
          }
        });
  }

  private List<Event> events() throws Exception {
    List<Event> out = new ArrayList<>();
    String name = null;
    for (String line : List.copyOf(lines)) {
      if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        out.add(new Event(name, json.mapper().readTree(line.substring(6))));
      }
    }
    return out;
  }

  private record Event(String name, JsonNode data) {}
}
