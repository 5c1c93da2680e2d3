package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  private final Json json = new Json();

  private final RunRecord run =
      Fixtures.run(
          "engine",
          "engine-42",
          RunResult.FAILED,
          Fixtures.passed("fmt", 170),
          new StageRecord(
              "clippy",
              StageStatus.FAILED,
              101,
              640,
              1,
              "error[E0308]\n",
              "runs/engine-42/clippy.log",
              List.of(Fixtures.mismatch(4))),
          new StageRecord("test", StageStatus.SKIPPED, null, 0, 0, "", null, List.of()));

  @Test
  void runRecordHasTheShapeOfTheDesign() {
    assertThat(json.write(run))
        .isEqualTo(
            "{\"schema\":1,\"project\":\"engine\",\"runId\":\"engine-42\","
                + "\"trigger\":{\"kind\":\"change\",\"changed\":[\"src/lib.rs\"],"
                + "\"changedCount\":1,\"truncated\":false},"
                + "\"queuedAt\":\"2026-03-01T10:00:00Z\","
                + "\"startedAt\":\"2026-03-01T10:00:00.002Z\","
                + "\"finishedAt\":\"2026-03-01T10:00:00.814Z\","
                + "\"durationMs\":812,\"result\":\"failed\",\"stages\":["
                + "{\"name\":\"fmt\",\"status\":\"passed\",\"exitCode\":0,\"durationMs\":170,"
                + "\"attempts\":1,\"outputTail\":\"ok\\n\",\"logFile\":\"runs/engine-42/fmt.log\","
                + "\"diagnostics\":[]},"
                + "{\"name\":\"clippy\",\"status\":\"failed\",\"exitCode\":101,\"durationMs\":640,"
                + "\"attempts\":1,\"outputTail\":\"error[E0308]\\n\","
                + "\"logFile\":\"runs/engine-42/clippy.log\",\"diagnostics\":["
                + "{\"file\":\"src/lib.rs\",\"line\":3,\"column\":9,\"severity\":\"error\","
                + "\"code\":\"E0308\",\"message\":\"mismatched types\",\"fingerprint\":\"fp-1\","
                + "\"seen\":4}]},"
                + "{\"name\":\"test\",\"status\":\"skipped\",\"exitCode\":null,\"durationMs\":0,"
                + "\"attempts\":0,\"outputTail\":\"\",\"logFile\":null,\"diagnostics\":[]}]}");
  }

  @Test
  void runRecordReadsBackEqual() throws JsonProcessingException {
    assertThat(json.readRun(json.write(run))).isEqualTo(run);
  }

  @Test
  void statusSnapshotHasTheShapeOfTheDesign() throws JsonProcessingException {
    StatusSnapshot snapshot =
        new StatusSnapshot(
            1,
            new DaemonStatus(
                4242, "0.1.0", DaemonState.READY, Fixtures.T0, "/home/u/vigil.yaml", null),
            List.of(
                new ProjectStatus("engine", "/src/engine", ProjectState.WATCHING, 0, false, null),
                new ProjectStatus("bot", "/src/bot", ProjectState.RUNNING, 2, true, run)));

    String text = json.write(snapshot);

    assertThat(text)
        .startsWith(
            "{\"schema\":1,\"daemon\":{\"pid\":4242,\"version\":\"0.1.0\",\"state\":\"ready\","
                + "\"startedAt\":\"2026-03-01T10:00:00Z\",\"configFile\":\"/home/u/vigil.yaml\","
                + "\"configError\":null},\"projects\":["
                + "{\"name\":\"engine\",\"root\":\"/src/engine\",\"state\":\"watching\","
                + "\"pendingChanges\":0,\"stale\":false,\"lastRun\":null},"
                + "{\"name\":\"bot\",\"root\":\"/src/bot\",\"state\":\"running\","
                + "\"pendingChanges\":2,\"stale\":true,\"lastRun\":{\"schema\":1,")
        .endsWith("}]}");
    assertThat(json.readStatus(text)).isEqualTo(snapshot);
  }

  @Test
  void configErrorIsWrittenAsText() throws JsonProcessingException {
    StatusSnapshot snapshot =
        new StatusSnapshot(
            1,
            new DaemonStatus(
                1,
                "0.1.0",
                DaemonState.READY,
                Fixtures.T0,
                "vigil.yaml",
                "vigil.yaml:3:5: unknown key"),
            List.of());

    assertThat(json.write(snapshot)).contains("\"configError\":\"vigil.yaml:3:5: unknown key\"");
    assertThat(json.readStatus(json.write(snapshot))).isEqualTo(snapshot);
  }

  @Test
  void aRecordWithoutStagesIsRejected() {
    assertThatThrownBy(() -> json.readRun("{\"schema\":1,\"project\":\"engine\"}"))
        .isInstanceOf(JsonProcessingException.class);
  }
}
