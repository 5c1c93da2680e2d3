package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import dev.vigil.report.Json;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs beside the commands that run stages, never in the JVM's way. */
class StartWarmerTest {
  @Test
  void onceAndTheHookGetAWarmUpThreadThatEndsByItselfAndNeverHoldsTheJvm() throws Exception {
    for (String[] args :
        new String[][] {{"once", "--config", "x.yaml"}, {"-v", "hook", "pre-commit"}}) {
      Optional<Thread> warmer = StartWarmer.startFor(args, new SharedJson());
      assertThat(warmer).isPresent();
      assertThat(warmer.get().isDaemon()).isTrue();
      warmer.get().join(Duration.ofSeconds(60).toMillis());
      assertThat(warmer.get().isAlive()).as("the warm-up ends").isFalse();
    }
  }

  @Test
  void theWarmUpBuildsTheSerializersOfTheMapperTheCommandWritesItsRecordsWith() throws Exception {
    SharedJson json = new SharedJson();
    Thread warmer = StartWarmer.startFor(new String[] {"once"}, json).orElseThrow();
    warmer.join(Duration.ofSeconds(60).toMillis());

    Json used = json.get();
    assertThat(used).as("one JSON form for the process").isSameAs(json.get());
    assertThat(cached(used))
        .as("serializers the command's first record would otherwise build")
        .isGreaterThan(5);
    assertThat(cached(new SharedJson().get())).as("a mapper nobody warmed").isZero();
  }

  @Test
  void aDaemonsWarmUpAlsoBuildsItsStatusFilesSerializers() throws Exception {
    SharedJson once = new SharedJson();
    StartWarmer.startFor(new String[] {"once"}, once).orElseThrow().join(60_000);
    for (String command : new String[] {"daemon", "watch"}) {
      SharedJson daemon = new SharedJson();
      Thread warmer = StartWarmer.startFor(new String[] {command}, daemon).orElseThrow();
      assertThat(warmer.isDaemon()).isTrue();
      warmer.join(60_000);

      assertThat(cached(daemon.get()))
          .as("the run record's serializers and the status snapshot's")
          .isGreaterThan(cached(once.get()));
    }
  }

  @Test
  void otherCommandsAndHelpStartNone() {
    assertThat(StartWarmer.startFor(new String[] {"status"}, new SharedJson())).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {"stop"}, new SharedJson())).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {"--help"}, new SharedJson())).isEmpty();
    assertThat(StartWarmer.startFor(new String[] {}, new SharedJson())).isEmpty();
  }

  private static int cached(Json json) {
    return ((DefaultSerializerProvider) json.mapper().getSerializerProvider())
        .cachedSerializersCount();
  }
}
