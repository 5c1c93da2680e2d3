package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The build that {@code scripts/vigil} runs when the jar is missing: Maven in this checkout, in
 * batch mode, its output not a terminal. Nothing it prints may be a terminal escape.
 */
class LauncherBuildIT {
  @Test
  void mavenInThisCheckoutPrintsNoTerminalEscapesWhenNotOnATerminal() throws Exception {
    assumeTrue(onPath("mvn"), "mvn is not on PATH");
    Process mvn =
        new ProcessBuilder("mvn", "-B", "-o", "-v")
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("Apache Maven").doesNotContain("\u001b[");
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
