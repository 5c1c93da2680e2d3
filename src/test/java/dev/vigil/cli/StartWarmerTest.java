package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs beside the commands that run stages, never in the JVM's way. */
class StartWarmerTest {
  @Test
  void onceAndTheHookGetAWarmUpThreadThatEndsByItselfAndNeverHoldsTheJvm() throws Exception {
    for (String[] args :
        new String[][] {{"once", "--config", "x.yaml"}, {"-v", "hook", "pre-commit"}}) {
      Optional<Thread> warmer = StartWarmer.startFor(args);
      assertThat(warmer).isPresent();
      assertThat(warmer.get().isDaemon()).isTrue();
      warmer.get().join(Duration.ofSeconds(60).toMillis());
      assertThat(warmer.get().isAlive()).as("the warm-up ends").isFalse();
    }
  }

  @Test
  void otherCommandsAndHelpStartNone() {
    assertThat(StartWarmer.startFor(new String[] {"status"})).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {"daemon"})).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {"--help"})).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {})).isEmpty();
  }
}
