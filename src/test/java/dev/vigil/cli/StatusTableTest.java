package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void ageIsInTheLargestWholeUnit() {
    assertThat(StatusTable.age(NOW.minusSeconds(12), NOW)).isEqualTo("12s ago");
    assertThat(StatusTable.age(NOW.minusSeconds(59), NOW)).isEqualTo("59s ago");
    assertThat(StatusTable.age(NOW.minusSeconds(60), NOW)).isEqualTo("1m ago");
    assertThat(StatusTable.age(NOW.minusSeconds(3 * 3600 + 5), NOW)).isEqualTo("3h ago");
    assertThat(StatusTable.age(NOW.minusSeconds(2 * 86_400), NOW)).isEqualTo("2d ago");
    assertThat(StatusTable.age(NOW.plusSeconds(5), NOW)).isEqualTo("0s ago");
  }
}
