package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.process.ProcessRunner;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.SystemScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {changed}} reaches a real shell as one literal argument per path, whatever the name. */
class ChangedQuotingTest {
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void hostileFileNamesArriveAsOneLiteralArgumentEach() throws Exception {
    String hostile = "a b;rm -rf x $(y)'\"";
    String other = "`touch pwned`\\n*";
    Files.writeString(root.resolve("x"), "must survive");
    StageConfig stage =
        new StageConfig(
            "args",
            "for a in {changed}; do printf '[%s]\\n' \"$a\"; done > args.txt",
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            RetryPolicy.NONE,
            Map.of(),
            "none");
    ProjectConfig project = TestProjects.at(root).stages(stage).build();
    Trigger trigger = new Trigger(TriggerKind.CHANGE, List.of(hostile, other), 2, false);
    try (SystemScheduler scheduler = new SystemScheduler("test-timer");
        ProcessRunner runner = new ProcessRunner(scheduler)) {
      RunRecord run =
          PipelineRun.start(
                  project,
                  new RunRequest("p-1", trigger, scheduler.now(), state),
                  runner,
                  scheduler,
                  RunListener.NONE,
                  1)
              .result()
              .join();
      assertThat(run.result()).isEqualTo(RunResult.PASSED);
    }
    assertThat(Files.readAllLines(root.resolve("args.txt"), StandardCharsets.UTF_8))
        .containsExactly("[" + hostile + "]", "[" + other + "]");
    assertThat(root.resolve("x")).hasContent("must survive");
    assertThat(root.resolve("pwned")).doesNotExist();
  }
}
