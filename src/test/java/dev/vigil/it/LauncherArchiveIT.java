package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class archive {@code scripts/vigil} dumps into the cache dir on its first run for a jar: the
 * classes a {@code vigil once} and a daemon load come from it, the command-line parser's among
 * them, and a damaged one only means starting without it.
 */
class LauncherArchiveIT {
  private static final Path JAR =
      Path.of(System.getProperty("vigil.jar", "target/vigil.jar")).toAbsolutePath();
  private static final Path LAUNCHER = Path.of("scripts/vigil").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void theFirstRunDumpsAnArchiveThatHoldsTheParsersAndTheDaemonsClasses() throws Exception {
    Result once = launcher("once", "--config", config().toString());
    assertThat(once.code()).as(once.output()).isZero();
    Path archive = archive();

    List<String> loads = loadsWith(archive, "--version");
    assertThat(shared(loads, "picocli.CommandLine")).as(String.join("\n", loads)).isTrue();
    assertThat(shared(loads, "dev.vigil.cli.Main")).isTrue();

    List<String> once2 = loadsWith(archive, "once", "--config", config().toString());
    assertThat(shared(once2, "dev.vigil.daemon.LocalOnce")).isTrue();
    assertThat(shared(once2, "com.fasterxml.jackson.databind.ObjectMapper")).isTrue();
  }

  @Test
  void aDumpCutShortByAFullDiskIsNotKeptNorTriedAgainForAnHour() throws Exception {
    // No file over 4 MB can be written, as on a disk with 4 MB left: the dump is cut short.
    Result cut =
        launcherUnder(
            "ulimit -f 4096; exec \"$0\" \"$@\"", "once", "--config", config().toString());

    assertThat(cut.code()).as(cut.output()).isZero();
    assertThat(cut.output()).contains("passed").doesNotContain("SIGBUS");
    Path failed = onlyFileIn(tmp.resolve("cache/vigil"));
    assertThat(failed.getFileName().toString()).endsWith(".failed");

    Result soon = launcher("once", "--config", config().toString());
    assertThat(soon.code()).as(soon.output()).isZero();
    assertThat(onlyFileIn(tmp.resolve("cache/vigil")))
        .as("not tried again at once")
        .isEqualTo(failed);

    Files.setLastModifiedTime(failed, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
    Result later = launcher("once", "--config", config().toString());

    assertThat(later.code()).as(later.output()).isZero();
    assertThat(Files.exists(failed)).isFalse();
    assertThat(shared(loadsWith(archive(), "--version"), "picocli.CommandLine")).isTrue();
  }

  private static Path onlyFileIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private Path config() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path config = tmp.resolve("vigil.yaml");
    if (!Files.exists(config)) {
      Files.writeString(
          config,
          "version: 1\nprojects:\n  - name: p\n    root: "
              + root
              + "\n    stages:\n      - {name: t, run: \"true\"}\n");
    }
    return config;
  }

  private Path archive() throws IOException {
    try (Stream<Path> files = Files.list(tmp.resolve("cache/vigil"))) {
      List<Path> archives = files.filter(f -> f.toString().endsWith(".jsa")).toList();
      assertThat(archives).hasSize(1);
      return archives.get(0);
    }
  }

  private static boolean shared(List<String> loads, String className) {
    return loads.stream()
        .anyMatch(l -> l.contains(" " + className + " source: shared objects file"));
  }

  /** The classes {@code java -jar vigil.jar args} loads with the archive, as the JVM logs them. */
  private List<String> loadsWith(Path archive, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Xlog:class+load=info",
            "-jar",
            JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("VIGIL_STATE_DIR", tmp.resolve("state").toString());
    Result r = run(pb);
    assertThat(r.code()).as(r.output()).isZero();
    return r.output().lines().toList();
  }

  private Result launcher(String... args) throws Exception {
    return launcherUnder("exec \"$0\" \"$@\"", args);
  }

  /** Runs the launcher through {@code bash -c script}, which is given it as $0 and args as $@. */
  private Result launcherUnder(String script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("VIGIL_JAR", JAR.toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    pb.environment().put("VIGIL_STATE_DIR", tmp.resolve("state").toString());
    pb.environment()
        .put("VIGIL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().remove("VIGIL_JAVA_OPTS");
    pb.environment().remove("VIGIL_CDS");
    return run(pb);
  }

  private static Result run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private record Result(int code, String output) {}
}
