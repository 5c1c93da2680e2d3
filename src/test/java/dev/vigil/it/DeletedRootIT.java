package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched root deleted under a running daemon, through the jar and the real kernel watcher: two
 * projects share the root, and the daemon was started inside it (so the kernel says nothing to the
 * root's own watch). Nothing runs while the root is gone, both say so once, and both watch and run
 * again once it is back.
 */
class DeletedRootIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workspace;
  @TempDir Path state;
  @TempDir Path logs;
  private Process daemon;

  @AfterEach
  void kill() {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly();
    }
  }

  @Test
  void deletedRootRunsNothingAndBothProjectsRunOnceWhenItIsBack() throws Exception {
    Path root = workspace.resolve("proj");
    Path lib = root.resolve("src/lib.txt");
    Files.createDirectories(lib.getParent());
    Files.writeString(lib, "v1\n");
    Path config = workspace.resolve("vigil.yaml");
    Files.writeString(
        config,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - {name: core, root: proj, stages: [{name: list, run: "ls src"}]}
          - {name: bindings, root: proj, stages: [{name: show, run: "cat src/lib.txt"}]}
        """);
    Path log = logs.resolve("daemon.log");
    daemon = new VigilJar(root, state).startLogging(log, "daemon", "--config", config.toString());
    await().atMost(WAIT).until(() -> states().equals(List.of("watching", "watching")));

    deleteTree(root);

    await()
        .atMost(WAIT)
        .until(() -> states().equals(List.of("waiting-for-root", "waiting-for-root")));
    Files.createDirectories(lib.getParent());
    Files.writeString(lib, "v2\n");

    await().atMost(WAIT).until(() -> history().size() == 2);
    await().atMost(WAIT).until(() -> states().equals(List.of("watching", "watching")));
    assertThat(history()).allMatch(run -> run.path("result").asText().equals("passed"));
    assertThat(history())
        .allMatch(run -> run.path("trigger").path("changed").toString().contains("src/lib.txt"));
    String console = Files.readString(log, StandardCharsets.UTF_8);
    for (String project : List.of("core", "bindings")) {
      assertThat(console.split(project + ": project root ", -1))
          .as("the console says once that %s waits for its root", project)
          .hasSize(2);
    }

    Files.writeString(lib, "v3\n");
    await().atMost(WAIT).until(() -> history().size() == 4);
    assertThat(history()).allMatch(run -> run.path("result").asText().equals("passed"));
  }

  private List<String> states() throws IOException {
    Path file = state.resolve("status.json");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> states = new ArrayList<>();
    for (JsonNode project : JSON.readTree(file.toFile()).path("projects")) {
      states.add(project.path("state").asText());
    }
    return states;
  }

  private List<JsonNode> history() throws IOException {
    Path file = state.resolve("history.jsonl");
    List<JsonNode> runs = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        runs.add(JSON.readTree(line));
      }
    }
    return runs;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
