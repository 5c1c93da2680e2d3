package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.report.Json;
import dev.vigil.report.VigilEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseClientTest {
  @Test
  void aClientThatFallsTooFarBehindIsDropped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseClient client = new SseClient(out, new Json(), 3, Duration.ofMinutes(1));
    for (int i = 0; i < 4; i++) {
      client.offer(VigilEvent.configError("problem " + i));
    }
    assertThat(client.dropped()).isTrue();
    client.run();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(": dropped")
        .doesNotContain("problem 3");
  }

  @Test
  void eventsAreWrittenAsEventAndDataLines() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseClient client = new SseClient(out, new Json(), 10, Duration.ofMinutes(1));
    client.offer(VigilEvent.configError("vigil.yaml:1:1: bad\nvigil.yaml:2:1: worse"));
    client.close();
    client.run();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "event: config-error\ndata: {\"type\":\"config-error\",\"text\":\"vigil.yaml:1:1: bad\\nvigil.yaml:2:1: worse\"}\n\n");
  }
}
