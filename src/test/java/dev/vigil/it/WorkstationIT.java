package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon for a user's projects, through the jar: it reads the user config and the projects it
 * includes; {@code vigil add} and {@code vigil remove} change what it watches while it runs; a
 * broken included file is reported at its place and the other projects keep running.
 */
class WorkstationIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path tmp;
  private Process daemon;

  @AfterEach
  void kill() {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly();
    }
  }

  private Path home() {
    return tmp.resolve("home");
  }

  private Path state() {
    return tmp.resolve("state");
  }

  private VigilJar vigil(Path cwd) {
    return new VigilJar(cwd, state())
        .env("HOME", home().toString())
        .env("XDG_CONFIG_HOME", home().resolve(".config").toString());
  }

  private Path project(String name) throws Exception {
    Path root = Files.createDirectories(home().resolve("src").resolve(name));
    Files.writeString(root.resolve("main.txt"), "start");
    Files.writeString(root.resolve("vigil.yaml"), yaml(name, "echo " + name + "-ran"));
    return root;
  }

  private static String yaml(String name, String command) {
    return """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: %s
            stages:
              - {name: check, run: "%s"}
        """
        .formatted(name, command);
  }

  private JsonNode status() throws Exception {
    return new ObjectMapper().readTree(Files.readString(state().resolve("status.json")));
  }

  private List<String> projects() throws Exception {
    List<String> names = new ArrayList<>();
    status().path("projects").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  private String configError() throws Exception {
    return status().path("daemon").path("configError").asText("");
  }

  /** Saves a file in the project and waits for the run that follows; returns its output. */
  private String saveAndRun(String project) throws Exception {
    Path history = state().resolve("history.jsonl");
    int before = runsOf(project, history).size();
    Files.writeString(home().resolve("src").resolve(project).resolve("main.txt"), "v" + before);
    await().atMost(WAIT).until(() -> runsOf(project, history).size() > before);
    List<JsonNode> runs = runsOf(project, history);
    return runs.get(runs.size() - 1).path("stages").get(0).path("outputTail").asText();
  }

  private static List<JsonNode> runsOf(String project, Path history) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    if (Files.exists(history)) {
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(history)) {
        JsonNode run = json.readTree(line);
        if (run.path("project").asText().equals(project)) {
          out.add(run);
        }
      }
    }
    return out;
  }

  @Test
  void addAndRemoveChangeWhatTheRunningDaemonWatchesAndABrokenFileStopsOnlyItsOwnChanges()
      throws Exception {
    Path engine = project("engine");
    Path bot = project("bot");
    Path web = project("web");
    assertThat(vigil(engine).run("add").exitCode()).isZero();
    assertThat(vigil(bot).run("add").exitCode()).isZero();
    Path user = home().resolve(".config/vigil/vigil.yaml");
    assertThat(user).exists();

    daemon = vigil(tmp).startLogging(tmp.resolve("daemon.log"), "daemon");
    await()
        .atMost(WAIT)
        .until(
            () ->
                Files.exists(state().resolve("status.json"))
                    && status().path("daemon").path("state").asText().equals("ready"));
    assertThat(status().path("daemon").path("configFile").asText()).isEqualTo(user.toString());
    assertThat(projects()).containsExactly("engine", "bot");

    VigilJar.Result added = vigil(web).run("add");
    assertThat(added.exitCode()).isZero();
    assertThat(added.out()).contains("the running daemon (pid " + daemon.pid() + ") picks this up");
    await().atMost(WAIT).until(() -> projects().contains("web"));
    assertThat(saveAndRun("web")).contains("web-ran");

    VigilJar.Result removed = vigil(tmp).run("remove", engine.toString());
    assertThat(removed.exitCode()).isZero();
    await().atMost(WAIT).until(() -> !projects().contains("engine"));
    assertThat(projects()).containsExactly("bot", "web");
    assertThat(vigil(tmp).run("remove", engine.toString()).exitCode()).isEqualTo(2);

    Files.writeString(
        bot.resolve("vigil.yaml"), yaml("bot", "echo bot-edited") + "    stagez: []\n");
    await()
        .atMost(WAIT)
        .until(() -> configError().startsWith(bot.resolve("vigil.yaml") + ":7:5: unknown key"));
    assertThat(saveAndRun("web")).contains("web-ran");
    assertThat(saveAndRun("bot")).contains("bot-ran");

    Files.writeString(bot.resolve("vigil.yaml"), yaml("bot", "echo bot-fixed"));
    await().atMost(WAIT).until(() -> configError().isEmpty());
    assertThat(saveAndRun("bot")).contains("bot-fixed");
    assertThat(daemon.isAlive()).isTrue();
  }
}
