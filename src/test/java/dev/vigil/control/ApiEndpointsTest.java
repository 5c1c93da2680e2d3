package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.report.DaemonState;
import dev.vigil.report.Json;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.run.RunRecord;
import dev.vigil.run.TriggerKind;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The API against a real daemon: status, commands, history and logs. */
class ApiEndpointsTest {
  private static final String TWO_PROJECTS =
      """
      version: 1
      defaults: {run_on_start: false}
      projects:
        - name: app
          root: app
          stages:
            - {name: check, run: "echo checked $VIGIL_RUN_ID"}
            - {name: unit-tests, run: "echo tested", needs: [check]}
        - name: lib
          root: lib
          stages:
            - {name: build, run: "echo built"}
      """;

  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private final Json json = new Json();

  @Test
  void statusIsTheDaemonsSnapshot() throws Exception {
    start();
    HttpResponse<String> response = fx.get("/api/status");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    StatusSnapshot status = json.readStatus(response.body());
    assertThat(status.daemon().pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(status.daemon().state()).isEqualTo(DaemonState.READY);
    assertThat(status.projects()).extracting(p -> p.name()).containsExactly("app", "lib");
  }

  @Test
  void triggerRunsOneProjectOrAll() throws Exception {
    start();
    assertThat(fx.post("/api/trigger", "{\"project\": \"lib\"}").statusCode()).isEqualTo(200);
    fx.awaitRuns(1);
    assertThat(fx.runs().get(0).project()).isEqualTo("lib");
    assertThat(fx.runs().get(0).trigger().kind()).isEqualTo(TriggerKind.MANUAL);

    assertThat(fx.post("/api/trigger", null).statusCode()).isEqualTo(200);
    fx.awaitRuns(3);
    assertThat(fx.runs())
        .extracting(RunRecord::project)
        .containsExactlyInAnyOrder("lib", "lib", "app");
  }

  @Test
  void triggerWithNoCacheRunsACachedStageAgain(@TempDir Path outside) throws Exception {
    Path ran = outside.resolve("ran");
    fx.start(
        root,
        state,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            ignore: [vigil.yaml]
            stages:
              - {name: check, run: "echo ran >> '%s'", cache: true}
        """
            .formatted(ran));
    assertThat(fx.post("/api/trigger", null).statusCode()).isEqualTo(200);
    fx.awaitRuns(1);
    await().atMost(ApiFixture.WAIT).until(() -> Files.isDirectory(state.resolve("cache")));
    await()
        .atMost(ApiFixture.WAIT)
        .until(
            () ->
                Files.list(state.resolve("cache"))
                    .anyMatch(f -> !f.getFileName().toString().startsWith(".")));

    assertThat(fx.post("/api/trigger", "{\"project\": \"app\"}").statusCode()).isEqualTo(200);
    fx.awaitRuns(2);
    assertThat(fx.runs().get(0).stages().get(0).status().toString()).isEqualTo("cached");
    assertThat(fx.post("/api/trigger", "{\"project\": \"app\", \"noCache\": true}").statusCode())
        .isEqualTo(200);
    fx.awaitRuns(3);

    assertThat(fx.runs().get(0).stages().get(0).status().toString()).isEqualTo("passed");
    assertThat(Files.readAllLines(ran)).hasSize(2);
  }

  @Test
  void anUnknownProjectIs404NamingTheKnownOnes() throws Exception {
    start();
    HttpResponse<String> response = fx.post("/api/trigger", "{\"project\": \"nope\"}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.mapper().readTree(response.body()).get("error").asText())
        .contains("nope", "app", "lib");
  }

  @Test
  void aBadBodyIs400() throws Exception {
    start();
    assertThat(fx.post("/api/trigger", "{not json").statusCode()).isEqualTo(400);
    assertThat(fx.post("/api/trigger", "{\"projects\": \"app\"}").statusCode()).isEqualTo(400);
    assertThat(fx.post("/api/trigger", "{\"project\": 3}").statusCode()).isEqualTo(400);
    assertThat(fx.post("/api/stop", "{\"project\": \"app\"}").statusCode()).isEqualTo(400);
    assertThat(fx.post("/api/trigger", "{\"noCache\": \"yes\"}").statusCode()).isEqualTo(400);
    assertThat(fx.post("/api/pause", "{\"noCache\": true}").statusCode()).isEqualTo(400);
    assertThat(fx.runs()).isEmpty();
    assertThat(fx.daemon.stopped()).isNotDone();
  }

  @Test
  void pauseAndResumeShowInStatus() throws Exception {
    start();
    assertThat(fx.post("/api/pause", "{\"project\": \"app\"}").statusCode()).isEqualTo(200);
    await().atMost(ApiFixture.WAIT).until(() -> state("app").equals("paused"));
    assertThat(state("lib")).isNotEqualTo("paused");

    assertThat(fx.post("/api/resume", "").statusCode()).isEqualTo(200);
    await().atMost(ApiFixture.WAIT).until(() -> !state("app").equals("paused"));
  }

  @Test
  void runsAreNewestFirstFilteredAndLimited() throws Exception {
    start();
    for (int i = 1; i <= 3; i++) {
      fx.post("/api/trigger", "{\"project\": \"app\"}");
      fx.awaitRuns(i);
    }
    fx.post("/api/trigger", "{\"project\": \"lib\"}");
    fx.awaitRuns(4);

    List<RunRecord> all = runs("/api/runs");
    assertThat(all)
        .extracting(RunRecord::runId)
        .containsExactly("lib-1", "app-3", "app-2", "app-1");
    assertThat(runs("/api/runs?project=app&limit=2"))
        .extracting(RunRecord::runId)
        .containsExactly("app-3", "app-2");
    assertThat(runs("/api/runs?limit=5000")).hasSize(4);
    assertThat(fx.get("/api/runs?limit=0").statusCode()).isEqualTo(400);
    assertThat(fx.get("/api/runs?limit=ten").statusCode()).isEqualTo(400);
  }

  @Test
  void aStageLogIsServedAsText() throws Exception {
    start();
    fx.post("/api/trigger", "{\"project\": \"app\"}");
    fx.awaitRuns(1);
    HttpResponse<String> log = fx.get("/api/runs/app-1/stages/check/log");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(log.body()).contains("checked app-1");

    assertThat(fx.get("/api/runs/app-1/stages/unit-tests/log").body()).contains("tested");
    assertThat(fx.get("/api/runs/app-1/stages/nothing/log").statusCode()).isEqualTo(404);
    assertThat(fx.get("/api/runs/app-99/stages/check/log").statusCode()).isEqualTo(404);
  }

  @Test
  void reloadAppliesAGoodConfigAndRefusesABadOneWith422() throws Exception {
    start();
    Files.writeString(
        root.resolve("vigil.yaml"), "version: 1\nprojects:\n  - name: app\n    stagez: []\n");
    HttpResponse<String> bad = fx.post("/api/reload", null);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(json.mapper().readTree(bad.body()).get("error").asText())
        .contains("vigil.yaml", "stagez");
    assertThat(fx.daemon.status().projects()).hasSize(2);

    Files.writeString(root.resolve("vigil.yaml"), TWO_PROJECTS);
    assertThat(fx.post("/api/reload", null).statusCode()).isEqualTo(200);
  }

  @Test
  void stopAnswersThenStopsTheDaemon() throws Exception {
    start();
    HttpResponse<String> response = fx.post("/api/stop", null);
    assertThat(response.statusCode()).isEqualTo(202);
    fx.daemon.stopped().get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void start() throws Exception {
    Files.createDirectories(root.resolve("app"));
    Files.createDirectories(root.resolve("lib"));
    fx.start(root, state, TWO_PROJECTS);
  }

  private String state(String project) throws Exception {
    return json.readStatus(fx.get("/api/status").body()).projects().stream()
        .filter(p -> p.name().equals(project))
        .findFirst()
        .orElseThrow()
        .state()
        .word();
  }

  private List<RunRecord> runs(String path) throws Exception {
    HttpResponse<String> response = fx.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.mapper().readValue(response.body(), new TypeReference<List<RunRecord>>() {});
  }
}
