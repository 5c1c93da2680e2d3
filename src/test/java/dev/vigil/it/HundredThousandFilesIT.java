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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 real files arrive at once (a folder of them moved into the watched tree, as an unpacked
 * archive or a checkout does), on a daemon under the launcher's heap limit: one run, whose changed
 * lists name every file.
 */
class HundredThousandFilesIT {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final int DIRS = 100;
  private static final int FILES_PER_DIR = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path project;
  @TempDir Path state;
  @TempDir Path outside;
  @RegisterExtension final DaemonProcesses daemons = new DaemonProcesses();
  private Process daemon;

  @Test
  void aHundredThousandFilesMovedInAtOnceAreOneRunThatListsThemAll() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            ignore: [out/]
            stages:
              - name: count
                run: >-
                  mkdir -p out;
                  wc -l < "$VIGIL_CHANGED_LIST" > out/lines.tmp;
                  tr -cd '\\0' < "$VIGIL_CHANGED_LIST0" | wc -c > out/nuls.tmp;
                  mv out/lines.tmp out/lines; mv out/nuls.tmp out/nuls
        """);
    Path big = outside.resolve("big");
    for (int d = 0; d < DIRS; d++) {
      Path dir = Files.createDirectories(big.resolve("d" + d));
      for (int f = 0; f < FILES_PER_DIR; f++) {
        Files.writeString(dir.resolve("f" + f + ".txt"), d + "/" + f);
      }
    }
    daemon =
        daemons.track(
            new VigilJar(project, state)
                .jvm("-Xmx96m")
                .jvm("-XX:+ExitOnOutOfMemoryError")
                .start("daemon"));
    awaitRecords(1);

    Files.move(big, project.resolve("big"));

    JsonNode run = awaitRecords(2).get(1);
    await().during(Duration.ofSeconds(5)).atMost(WAIT).until(() -> records().size() == 2);
    JsonNode trigger = run.path("trigger");
    int files = DIRS * FILES_PER_DIR;
    assertThat(trigger.path("changedCount").asInt()).isGreaterThanOrEqualTo(files);
    assertThat(trigger.path("truncated").asBoolean()).isTrue();
    assertThat(trigger.path("changed")).hasSize(10_000);
    int listed = trigger.path("changedCount").asInt();
    assertThat(Files.readString(project.resolve("out/lines")).strip()).isEqualTo("" + listed);
    assertThat(Files.readString(project.resolve("out/nuls")).strip()).isEqualTo("" + listed);
    assertThat(run.path("result").asText()).isEqualTo("passed");
    assertThat(daemon.isAlive()).isTrue();
  }

  private List<JsonNode> awaitRecords(int n) {
    List<JsonNode> seen = new ArrayList<>();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              seen.clear();
              seen.addAll(records());
              assertThat(daemon.isAlive()).as("daemon alive").isTrue();
              assertThat(seen).hasSizeGreaterThanOrEqualTo(n);
            });
    return seen;
  }

  private List<JsonNode> records() throws Exception {
    Path history = state.resolve("history.jsonl");
    List<JsonNode> records = new ArrayList<>();
    if (Files.exists(history)) {
      for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
        records.add(JSON.readTree(line));
      }
    }
    return records;
  }
}
