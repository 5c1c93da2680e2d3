package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil once --quiet}: only failed stages and the result line. */
class OnceQuietTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path root;
  @TempDir Path state;

  private CommandHarness harness() {
    return new CommandHarness(
        Map.of("PATH", System.getenv("PATH"), "VIGIL_STATE_DIR", state.toString()), root);
  }

  @Test
  void aPassedRunPrintsItsResultLineOnly() throws Exception {
    Files.writeString(
        root.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - {name: app, stages: [{name: a, run: "echo hi"}, {name: b, run: "true", needs: [a]}]}
        """);
    CommandHarness h = harness();

    assertThat(h.run(OnceCommand::new, "--quiet")).isZero();

    assertThat(h.out()).matches("app: run passed in \\d+ms" + NL);
  }

  @Test
  void aFailedRunPrintsTheFailedStageWithItsOutputAndTheResult() throws Exception {
    Files.writeString(
        root.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: a, run: "echo fine"}
              - {name: b, run: "echo broken; exit 3", needs: [a], format: none}
              - {name: c, run: "true", needs: [b]}
        """);
    CommandHarness h = harness();

    assertThat(h.run(OnceCommand::new, "--quiet")).isEqualTo(ExitCode.FAILED);

    assertThat(h.out())
        .matches(
            String.join(
                    NL,
                    "app: b failed in \\d+ms \\(exit 3\\)",
                    "    broken",
                    "  log: " + state + "/runs/app-1/b.log",
                    "app: run failed in \\d+ms \\(b\\)")
                + NL);
  }
}
