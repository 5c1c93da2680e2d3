package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.service.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher gives the daemon the flags that compile its save-to-command path early, and a
 * command that runs once and exits the flags that start it fastest: compiling early costs a
 * one-shot JVM more than it saves.
 */
class LauncherFlagsTest {
  private static final Path LAUNCHER = Path.of("scripts/vigil").toAbsolutePath();

  @TempDir Path dir;
  private Path fakeJava;
  private Path argsFile;

  @BeforeEach
  void fakeJava() throws Exception {
    argsFile = dir.resolve("args");
    fakeJava = dir.resolve("java");
    Files.writeString(
        fakeJava,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argsFile + "'\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("vigil.jar"), "not a jar");
  }

  private List<String> javaArgs(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("VIGIL_JAVA", fakeJava.toString());
    env.put("VIGIL_JAR", dir.resolve("vigil.jar").toString());
    env.put("VIGIL_CDS", "0");
    env.remove("VIGIL_JAVA_OPTS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return Files.readAllLines(argsFile);
  }

  @Test
  void theDaemonCompilesItsSaveToCommandPathEarly() throws Exception {
    List<String> args = javaArgs("daemon", "--config", "x.yaml");
    assertThat(args)
        .contains("-XX:CompileThresholdScaling=0.1", "-XX:+UseSerialGC")
        .endsWith("-jar", dir.resolve("vigil.jar").toString(), "daemon", "--config", "x.yaml");
    assertThat(javaArgs("-v", "watch")).contains("-XX:CompileThresholdScaling=0.1");
  }

  @Test
  void theDaemonStartsWithTheServiceFilesFlagsWhichGiveTheRecordingsHeapBackInOneStep()
      throws Exception {
    assertThat(ServiceSpec.LEAN_FLAGS).contains("-XX:-ShrinkHeapInSteps");
    assertThat(javaArgs("daemon")).containsSubsequence(ServiceSpec.LEAN_FLAGS);
  }

  @Test
  void aCommandThatRunsOnceStartsWithoutEarlyCompilation() throws Exception {
    for (String[] line :
        List.of(
            new String[] {"once"},
            new String[] {"-v", "once", "--project", "a"},
            new String[] {"hook", "pre-commit"},
            new String[] {"status"})) {
      List<String> args = javaArgs(line);
      assertThat(args)
          .as(String.join(" ", line))
          .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
          .noneMatch(a -> a.contains("CompileThresholdScaling"))
          .endsWith(line);
    }
  }

  @Test
  void theLanguageServerKeepsItsSmallHeap() throws Exception {
    assertThat(javaArgs("lsp")).contains("-Xmx32m").noneMatch(a -> a.contains("CompileThreshold"));
  }
}
