package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two workstations share stage results through a real remote cache: turborepo-remote-cache from npm
 * and nginx with WebDAV PUT, each on a loopback port. Each workstation is a {@code vigil daemon} of
 * the jar with its own state dir and its own checkout of the same project; the stage appends to
 * {@code .ran} (ignored) whenever its command really runs.
 */
class RemoteCacheIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String SIGNING_KEY = "shared-signing-key";

  @TempDir Path tmp;
  private final List<Process> daemons = new ArrayList<>();
  private CacheServer server;

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : daemons) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aSecondWorkstationGetsTheFirstOnesResultFromTurborepoRemoteCache() throws Exception {
    server = CacheServer.turbo(tmp.resolve("turbo"));
    secondWorkstationIsAnsweredFromTheRemote();
  }

  @Test
  void aSecondWorkstationGetsTheFirstOnesResultFromNginxWebDav() throws Exception {
    server = CacheServer.nginx(tmp.resolve("nginx"));
    secondWorkstationIsAnsweredFromTheRemote();
  }

  private void secondWorkstationIsAnsweredFromTheRemote() throws Exception {
    Workstation first = workstation("first", "");
    first.start();
    JsonNode ran = first.awaitRun(1).path("stages").get(0);
    assertThat(ran.path("status").asText()).isEqualTo("passed");
    await().atMost(WAIT).until(() -> server.stored().size() == 1);

    Workstation second = workstation("second", "");
    second.start();
    JsonNode cached = second.awaitRun(1).path("stages").get(0);

    assertThat(cached.path("status").asText()).isEqualTo("cached");
    assertThat(cached.path("cachedFrom").path("source").asText()).isEqualTo("remote");
    assertThat(cached.path("cachedFrom").path("runId").asText())
        .isEqualTo(first.runs().get(0).path("runId").asText());
    assertThat(cached.path("cacheKey").asText()).isEqualTo(ran.path("cacheKey").asText());
    assertThat(cached.path("savedMs").asLong()).isEqualTo(ran.path("durationMs").asLong());
    assertThat(cached.path("outputTail").asText()).contains("checked");
    assertThat(second.timesRun()).as("the second workstation never ran the command").isZero();
    assertThat(Files.readString(second.state.resolve(cached.path("logFile").asText())))
        .contains("checked");
    assertThat(second.console()).contains("check cached (").contains("from the remote cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"turbo", "nginx"})
  void aTamperedArtifactOnTheRemoteIsIgnoredAndTheStageRuns(String kind) throws Exception {
    server = server(kind);
    Workstation first = workstation("first", "");
    first.start();
    first.awaitRun(1);
    await().atMost(WAIT).until(() -> server.stored().size() == 1);
    Path artifact = server.stored().get(0);
    String text = Files.readString(artifact, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("checked");
    Files.writeString(artifact, text.replace("checked", "CHECKED"), StandardCharsets.ISO_8859_1);

    Workstation second = workstation("second", "");
    second.start();
    JsonNode stage = second.awaitRun(1).path("stages").get(0);

    assertThat(stage.path("status").asText()).isEqualTo("passed");
    assertThat(stage.path("outputTail").asText()).doesNotContain("CHECKED");
    assertThat(second.timesRun()).isEqualTo(1);
    assertThat(second.console()).contains("ignoring the artifact").contains("signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"turbo", "nginx"})
  void aReadOnlyWorkstationReadsButUploadsNothing(String kind) throws Exception {
    server = server(kind);
    Workstation laptop = workstation("laptop", ", upload: false");
    laptop.start();
    assertThat(laptop.awaitRun(1).path("stages").get(0).path("status").asText())
        .isEqualTo("passed");
    await().atMost(WAIT).until(() -> laptop.localArtifacts() == 1);
    // The upload, had there been one, goes right after the local store.
    await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> server.stored().isEmpty());

    Workstation ci = workstation("ci", "");
    ci.start();
    ci.awaitRun(1);
    await().atMost(WAIT).until(() -> server.stored().size() == 1);
    Workstation laptop2 = workstation("laptop2", ", upload: false");
    laptop2.start();
    JsonNode stage = laptop2.awaitRun(1).path("stages").get(0);
    assertThat(stage.path("status").asText()).isEqualTo("cached");
    assertThat(stage.path("cachedFrom").path("source").asText()).isEqualTo("remote");
  }

  @ParameterizedTest
  @ValueSource(strings = {"turbo", "nginx"})
  void aServerStoppedDuringARunChangesNothingButANote(String kind) throws Exception {
    server = server(kind);
    Path go = tmp.resolve("go");
    Workstation ws =
        new Workstation(
            tmp.resolve("ws"),
            "",
            "echo checked; while [ ! -f '%s' ]; do sleep 0.1; done; echo ran >> .ran"
                .formatted(go));
    ws.start();
    await().atMost(WAIT).until(() -> ws.statusState().equals("running"));

    server.stop();
    Files.writeString(go, "");
    JsonNode run = ws.awaitRun(1);

    assertThat(run.path("result").asText()).isEqualTo("passed");
    assertThat(run.path("stages").get(0).path("status").asText()).isEqualTo("passed");
    await().atMost(WAIT).until(() -> ws.console().contains("is unavailable"));
    assertThat(ws.localArtifacts()).isEqualTo(1);

    ws.trigger();
    JsonNode again = ws.awaitRun(2);
    assertThat(again.path("stages").get(0).path("status").asText()).isEqualTo("cached");
    assertThat(again.path("stages").get(0).path("cachedFrom").path("source").asText())
        .isEqualTo("local");
    assertThat(ws.console().split("is unavailable", -1)).as("said once").hasSize(2);

    // The upload that failed is held, and sent once the server is back and the pause is over.
    assertThat(server.stored()).isEmpty();
    server.startAgain();
    await().atMost(WAIT).until(() -> !server.stored().isEmpty());
    // The console says so as the upload goes; the server may have stored it a moment before.
    await()
        .atMost(WAIT)
        .until(() -> ws.console().contains("is reachable again; sending 1 upload made meanwhile"));
  }

  /** A real remote cache server: turborepo-remote-cache or nginx with WebDAV. */
  private CacheServer server(String kind) throws Exception {
    return kind.equals("turbo")
        ? CacheServer.turbo(tmp.resolve("turbo"))
        : CacheServer.nginx(tmp.resolve("nginx"));
  }

  private Workstation workstation(String name, String remoteExtra) throws Exception {
    return new Workstation(tmp.resolve(name), remoteExtra, "echo checked; echo ran >> .ran");
  }

  /** One checkout of the project with a daemon of its own. */
  private final class Workstation {
    final Path root;
    final Path state;
    final Path log;

    Workstation(Path dir, String remoteExtra, String command) throws Exception {
      this.root = Files.createDirectories(dir.resolve("project"));
      this.state = Files.createDirectories(dir.resolve("state"));
      this.log = dir.resolve("daemon.log");
      Files.writeString(root.resolve("lib.txt"), "fn main() {}\n");
      Files.writeString(
          root.resolve("vigil.yaml"),
          """
          version: 1
          cache:
            remote: %s%s}
          projects:
            - name: app
              ignore: [.ran]
              stages:
                - {name: check, run: "%s", cache: true}
          """
              .formatted(server.remoteYaml(), remoteExtra, command));
    }

    void start() throws Exception {
      daemons.add(
          new VigilJar(root, state)
              .env("VIGIL_CACHE_TOKEN", CacheServer.TOKEN)
              .env("VIGIL_CACHE_KEY", SIGNING_KEY)
              .startLogging(log, "daemon"));
    }

    void trigger() throws Exception {
      VigilJar.Result r = new VigilJar(root, state).run("trigger");
      assertThat(r.exitCode()).as(r.err()).isZero();
    }

    JsonNode awaitRun(int n) throws Exception {
      await().atMost(WAIT).until(() -> runs().size() >= n);
      return runs().get(n - 1);
    }

    List<JsonNode> runs() throws Exception {
      Path history = state.resolve("history.jsonl");
      List<JsonNode> runs = new ArrayList<>();
      if (Files.exists(history)) {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(history)) {
          if (!line.isBlank()) {
            runs.add(json.readTree(line));
          }
        }
      }
      return runs;
    }

    String statusState() throws Exception {
      Path status = state.resolve("status.json");
      if (!Files.exists(status)) {
        return "";
      }
      JsonNode projects = new ObjectMapper().readTree(status.toFile()).path("projects");
      return projects.size() == 0 ? "" : projects.get(0).path("state").asText();
    }

    long timesRun() throws Exception {
      Path ran = root.resolve(".ran");
      return Files.exists(ran) ? Files.readAllLines(ran).size() : 0;
    }

    long localArtifacts() throws Exception {
      Path dir = state.resolve("cache");
      if (!Files.isDirectory(dir)) {
        return 0;
      }
      try (var files = Files.list(dir)) {
        return files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).count();
      }
    }

    String console() throws Exception {
      return Files.exists(log) ? Files.readString(log) : "";
    }
  }
}
