package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallationTest {
  @Test
  void theLauncherOfTheCheckoutTheCodeWasBuiltInIsFound() {
    Path expected = Path.of("scripts", "vigil").toAbsolutePath().normalize();

    assertThat(Installation.launcher(Map.of("PATH", ""))).contains(expected);
    assertThat(Files.isExecutable(expected)).isTrue();
  }
}
