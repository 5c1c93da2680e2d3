package dev.vigil.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as a user would, in a directory and with an environment of the test's. */
final class VigilJar {
  private final Path jar;
  private final Path cwd;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();

  VigilJar(Path cwd, Path stateDir) {
    String prop = System.getProperty("vigil.jar", "target/vigil.jar");
    this.jar = Path.of(prop).toAbsolutePath();
    this.cwd = cwd;
    env.put("VIGIL_STATE_DIR", stateDir.toString());
    env.put("XDG_CONFIG_HOME", cwd.resolve(".no-xdg").toString());
    env.remove("VIGIL_CONFIG");
  }

  VigilJar env(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** Adds an option of the JVM, such as the launcher's heap limit. */
  VigilJar jvm(String option) {
    jvmOptions.add(option);
    return this;
  }

  /** Starts {@code java -jar vigil.jar args...} in the background, output discarded. */
  Process start(String... args) throws IOException {
    ProcessBuilder pb = builder(args);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  /**
   * Starts {@code java -jar vigil.jar args...} in the background, both streams into {@code log}.
   */
  Process startLogging(Path log, String... args) throws IOException {
    ProcessBuilder pb = builder(args);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /** Runs {@code java -jar vigil.jar args...} to its end (two minutes at most). */
  Result run(String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = builder(args);
    Path out = Files.createTempFile("vigil-out", ".txt");
    Path err = Files.createTempFile("vigil-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("vigil " + String.join(" ", args) + " did not finish");
    }
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  private ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().remove("VIGIL_CONFIG");
    pb.environment().remove("VIGIL_STATE_DIR");
    pb.environment().putAll(env);
    return pb;
  }

  record Result(int exitCode, String out, String err) {}
}
