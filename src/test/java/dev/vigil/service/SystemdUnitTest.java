package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitTest {
  @TempDir Path tmp;

  @Test
  void unitPassesSystemdAnalyzeVerifyWithAwkwardPaths() throws Exception {
    assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
    Path jarDir = Files.createDirectories(tmp.resolve("my tools 100%"));
    Path jar = Files.writeString(jarDir.resolve("vigil.jar"), "not really a jar");
    Files.writeString(jarDir.resolve("README.md"), "# vigil\n");
    Path config = Files.writeString(tmp.resolve("cfg $HOME \"x\".yaml"), "version: 1\n");
    ServiceSpec spec =
        ServiceSpec.forRunningJvm(
            jar,
            Optional.of(config),
            tmp.resolve("state; dir"),
            true,
            "/usr/bin:/bin:/a b/%p",
            Optional.of(Files.createDirectories(tmp.resolve("config 100% \\ dir/vigil"))));
    Path unit = Files.writeString(tmp.resolve("vigil.service"), SystemdUnit.render(spec));
    assertThat(Files.readString(unit))
        .contains("Documentation=file://")
        .contains("WorkingDirectory=" + tmp + "/config 100%% \\\\ dir/vigil\n");

    Process verify =
        new ProcessBuilder("systemd-analyze", "verify", unit.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(output).isEmpty();
    assertThat(verify.exitValue()).isZero();
  }

  @Test
  void unitRunsTheJarOnTheRunningJavaWithLeanFlagsAndRestartsOnFailure() throws IOException {
    Path jar = Files.writeString(tmp.resolve("vigil.jar"), "");
    ServiceSpec spec =
        ServiceSpec.forRunningJvm(
            jar, Optional.of(tmp.resolve("vigil.yaml")), tmp.resolve("state"), false, "/usr/bin");

    String unit = SystemdUnit.render(spec);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(unit)
        .contains(
            "ExecStart="
                + java
                + " -XX:+UseSerialGC -Xms32m -Xmn4m -Xmx96m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1"
                + " -XX:CompileCommand=quiet"
                + " -XX:CompileCommand=CompileThresholdScaling,dev.vigil.p*::*,0.002"
                + " -XX:CompileCommand=CompileThresholdScaling,dev.vigil.batch.*::*,0.002 -Xss512k"
                + " -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:MinHeapFreeRatio=20"
                + " -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:+UnlockDiagnosticVMOptions"
                + " -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=0 -jar "
                + jar
                + " daemon --config "
                + tmp.resolve("vigil.yaml")
                + "\n")
        .contains("Environment=\"PATH=/usr/bin\"\n")
        .contains("Environment=\"VIGIL_STATE_DIR=" + tmp.resolve("state") + "\"\n")
        .contains("Type=simple\n", "Restart=on-failure\n", "RestartSec=2\n")
        .contains("KillSignal=SIGTERM\n", "TimeoutStopSec=30\n", "WantedBy=default.target\n")
        .doesNotContain("--state-dir");
  }

  @Test
  void execStartQuotesSpacesAndEscapesSpecifiersAndVariables() {
    String line =
        SystemdUnit.execLine(
            java.util.List.of("/opt/j/bin/java", "/a b/v.jar", "100%", "$HOME", "say \"hi\"", ""));

    assertThat(line)
        .isEqualTo("/opt/j/bin/java \"/a b/v.jar\" 100%% $$HOME \"say \\\"hi\\\"\" \"\"");
  }

  @Test
  void stateDirIsPassedOnTheCommandLineOnlyWhenGiven() throws IOException {
    Path jar = Files.writeString(tmp.resolve("vigil.jar"), "");
    ServiceSpec spec =
        ServiceSpec.forRunningJvm(jar, Optional.empty(), tmp.resolve("st"), true, "/bin");

    assertThat(SystemdUnit.render(spec))
        .contains("daemon --state-dir " + tmp.resolve("st") + "\n")
        .doesNotContain("--config");
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
