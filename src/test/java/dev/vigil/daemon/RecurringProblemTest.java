package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem fixed and made again, through a real daemon: its diagnostic carries the change that
 * fixed it, on the console and in status.json, also after the daemon was restarted in between.
 */
class RecurringProblemTest {
  private static final String CONFIG =
      """
      version: 1
      defaults: {run_on_start: false}
      projects:
        - name: app
          stages:
            - {name: check, run: "grep -q text src/lib.rs && { echo 'src/lib.rs:2:5: error: mismatched types'; exit 1; } || echo fine"}
      """;

  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void aProblemThatComesBackAfterARestartShowsHowItWasFixedOnTheConsoleAndInStatusJson()
      throws Exception {
    Files.createDirectories(root.resolve("src"));
    Path lib = root.resolve("src/lib.rs");
    Files.writeString(lib, "fn f() -> u32 {\n    42\n}\n");
    fx.start(root, state, CONFIG);

    Files.writeString(lib, "fn f() -> u32 {\n    \"text\"\n}\n");
    assertThat(fx.awaitRun(1).result()).isEqualTo(RunResult.FAILED);
    Files.writeString(lib, "fn f() -> u32 {\n    42\n}\n");
    assertThat(fx.awaitRun(2).result()).isEqualTo(RunResult.PASSED);

    fx.daemon.stop().join();
    fx.start(root, state, CONFIG);
    Files.writeString(lib, "fn f() -> u32 {\n    \"text again\"\n}\n");
    assertThat(fx.awaitRun(3).result()).isEqualTo(RunResult.FAILED);

    await()
        .atMost(DaemonFixture.WAIT)
        .untilAsserted(
            () -> {
              Diagnostic back =
                  fx.statusFile().projects().get(0).lastRun().stages().get(0).diagnostics().get(0);
              assertThat(back.lastFix()).as("lastFix in status.json").isNotNull();
              assertThat(back.lastFix().runId()).isEqualTo("app-2");
              assertThat(back.lastFix().diff())
                  .contains("--- a/src/lib.rs", "+++ b/src/lib.rs", "-    \"text\"", "+    42");
            });
    assertThat(fx.console())
        .contains("src/lib.rs:2:5: error: mismatched types (seen 2x this week)")
        .contains(" in run app-2:\n")
        .contains("      -    \"text\"\n", "      +    42\n");
  }
}
