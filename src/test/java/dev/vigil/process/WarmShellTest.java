package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which variables a parked shell can export; the rest make a command start cold. */
class WarmShellTest {
  @ParameterizedTest
  @ValueSource(strings = {"A", "_", "_x1", "VIGIL_PROJECT", "path9"})
  void shellNamesCanBeExported(String name) {
    assertThat(WarmShell.isName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1A", "a-b", "a.b", "a b", "é", "A=B"})
  void otherNamesCannot(String name) {
    assertThat(WarmShell.isName(name)).isFalse();
  }
}
