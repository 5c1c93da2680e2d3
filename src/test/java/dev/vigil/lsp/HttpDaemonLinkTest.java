package dev.vigil.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.control.ApiFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The language server's link to a real daemon's API: status, the verbs and the event stream. */
class HttpDaemonLinkTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void readsTheStatusPostsAVerbAndFollowsTheEvents() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("echo 'src/a.rs:1:1: error: stamp'; exit 1"));
    HttpDaemonLink link = new HttpDaemonLink(state, new ObjectMapper());

    assertThat(link.status().path("projects").path(0).path("name").asText()).isEqualTo("app");

    List<JsonNode> events = new CopyOnWriteArrayList<>();
    CountDownLatch opened = new CountDownLatch(1);
    Thread follower =
        new Thread(
            () -> {
              try {
                link.events(opened::countDown, events::add);
              } catch (IOException e) {
                // the daemon stopped at the end of the test
              }
            },
            "test-events");
    follower.setDaemon(true);
    follower.start();
    assertThat(opened.await(ApiFixture.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    link.post("trigger", Optional.of("app"));
    await()
        .atMost(ApiFixture.WAIT)
        .until(
            () -> events.stream().anyMatch(e -> e.path("type").asText().equals("stage-finished")));
    JsonNode finished =
        events.stream()
            .filter(e -> e.path("type").asText().equals("stage-finished"))
            .findFirst()
            .orElseThrow();
    assertThat(
            finished.path("run").path("stages").path(0).path("diagnostics").path(0).path("message"))
        .hasToString("\"stamp\"");
  }

  @Test
  void anUnknownProjectAndAMissingDaemonAreSaidClearly() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));
    HttpDaemonLink link = new HttpDaemonLink(state, new ObjectMapper());
    assertThatThrownBy(() -> link.post("trigger", Optional.of("nope")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("POST /api/trigger: HTTP 4");

    HttpDaemonLink none = new HttpDaemonLink(root.resolve("no-state"), new ObjectMapper());
    assertThatThrownBy(none::status)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no daemon is running for");
  }
}
