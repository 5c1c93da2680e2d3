package dev.vigil.service;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the service manager's tools as real subprocesses, with the given environment. */
public final class ProcessServiceManager implements ServiceManager {
  private final Map<String, String> env;

  /** A manager whose commands see {@code env} and are looked up on its PATH. */
  public ProcessServiceManager(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public boolean has(String program) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Result run(List<String> command, Duration timeout) {
    Path output = null;
    try {
      output = Files.createTempFile("vigil-service-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(
            -1,
            String.join(" ", command)
                + " did not answer within "
                + timeout.toMillis() / 1000.0
                + " s");
      }
      return new Result(
          process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return new Result(-1, "cannot run " + String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted while running " + String.join(" ", command));
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
