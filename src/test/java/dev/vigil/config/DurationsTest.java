package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsEachUnitAndFractions() {
    assertThat(Durations.parse("50ms")).contains(Duration.ofMillis(50));
    assertThat(Durations.parse("2s")).contains(Duration.ofSeconds(2));
    assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
    assertThat(Durations.parse("0.5ms")).contains(Duration.ofNanos(500_000));
    assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("0s")).contains(Duration.ZERO);
  }

  @Test
  void rejectsWhatIsNotADuration() {
    assertThat(Durations.parse("10")).isEmpty();
    assertThat(Durations.parse("10 parsecs")).isEmpty();
    assertThat(Durations.parse("-1s")).isEmpty();
    assertThat(Durations.parse("1d")).isEmpty();
    assertThat(Durations.parse("9000h")).isEmpty();
  }

  @Test
  void explainsWhy() {
    assertThat(Durations.whyNot("timeout", "9000h"))
        .isEqualTo("`timeout`: `9000h` is longer than a year");
    assertThat(Durations.whyNot("timeout", "1.5"))
        .isEqualTo(
            "`timeout`: `1.5` has no unit; write a number and a unit (ms, s, m, h),"
                + " e.g. `50ms`, `2s`, `10m`");
  }
}
