package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.StageRecord;
import dev.vigil.run.StageRetry;
import dev.vigil.run.StageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries and processes left behind show on the console and in the record's JSON. */
class StageNotesTest {
  private static final String REASON = "warning: spurious network error (2 tries remaining)";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static StageRecord fetch(List<StageRetry> retries, int leftBehind) {
    return new StageRecord(
        "fetch",
        StageStatus.PASSED,
        0,
        3200,
        3,
        "ok\n",
        "runs/p-1/fetch.log",
        List.of(),
        retries,
        leftBehind);
  }

  @Test
  void eachRetryIsALineUnderItsStage() {
    ConsoleReporter console = ConsoleReporter.human(out, Path.of("/state"), false);

    console.stageFinished(
        "engine",
        fetch(List.of(new StageRetry(2, REASON, 1000), new StageRetry(3, "exit 1", 2000)), 2));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("engine: fetch passed in 3.2s")
        .contains("  retry 2 after 1.0s: " + REASON)
        .contains("  retry 3 after 2.0s: exit 1")
        .contains("  2 processes left running by fetch were ended (keep_background: true keeps");
  }

  @Test
  void theRecordCarriesRetriesOnlyWhenThereWereAny() {
    Json json = new Json();

    assertThat(json.write(fetch(List.of(new StageRetry(2, REASON, 1000)), 1)))
        .contains(
            "\"retries\":[{\"attempt\":2,\"reason\":\""
                + REASON
                + "\",\"waitedMs\":1000}],\"leftBehind\":1");
    assertThat(json.write(fetch(List.of(), 0))).doesNotContain("retries").doesNotContain("left");
  }
}
