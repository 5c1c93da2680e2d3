package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessServiceManagerTest {
  private final ProcessServiceManager manager =
      new ProcessServiceManager(Map.of("PATH", "/usr/bin:/bin", "GREETING", "hello"));

  @Test
  void runsACommandWithTheGivenEnvironmentAndMergesItsOutput() {
    ServiceManager.Result result =
        manager.run(
            List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 3"),
            Duration.ofSeconds(30));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.ok()).isFalse();
    assertThat(result.output().lines()).containsExactlyInAnyOrder("hello", "oops");
  }

  @Test
  void aCommandThatDoesNotAnswerInTimeIsStoppedAndReported() {
    ServiceManager.Result result =
        manager.run(List.of("sh", "-c", "exec sleep 60"), Duration.ofMillis(300));

    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.output()).contains("did not answer within");
  }

  @Test
  void aMissingProgramIsAResultNotAnException() {
    ServiceManager.Result result =
        manager.run(List.of("vigil-no-such-program"), Duration.ofSeconds(5));

    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.output()).startsWith("cannot run vigil-no-such-program");
  }

  @Test
  void looksProgramsUpOnThePathOfItsEnvironment() {
    assertThat(manager.has("sh")).isTrue();
    assertThat(manager.has("vigil-no-such-program")).isFalse();
    assertThat(new ProcessServiceManager(Map.of("PATH", "/nonexistent")).has("sh")).isFalse();
  }
}
