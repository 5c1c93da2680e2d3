package dev.vigil.cli;

import dev.vigil.lsp.DaemonLink;
import dev.vigil.lsp.DaemonStarter;
import dev.vigil.service.Installation;
import dev.vigil.service.ServiceSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts {@code vigil daemon} for a state dir when none answers there: the same jar and JVM as this
 * process, with the service's flags, in its own session (so it outlives the editor), output
 * appended to {@code lsp-daemon.log} in the state dir.
 */
final class DaemonSpawner implements DaemonStarter {
  static final String LOG = "lsp-daemon.log";
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Path stateDir;
  private final Path config;
  private final DaemonLink daemon;
  private final Map<String, String> env;

  DaemonSpawner(Path stateDir, Path config, DaemonLink daemon, Map<String, String> env) {
    this.stateDir = stateDir;
    this.config = config;
    this.daemon = daemon;
    this.env = env;
  }

  @Override
  public Optional<String> ensureRunning(Path workspace) {
    if (answers()) {
      return Optional.empty();
    }
    Optional<Path> jar = Installation.runningJar();
    if (jar.isEmpty()) {
      return Optional.of(
          "no daemon runs for "
              + stateDir
              + ", and no vigil jar was found to start one; start it"
              + " with 'vigil daemon' in "
              + workspace);
    }
    Path log = stateDir.resolve(LOG);
    Process process;
    try {
      process =
          new ProcessBuilder(command(jar.get()))
              .directory(workspace.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      process.getOutputStream().close();
    } catch (IOException e) {
      return Optional.of("cannot start a daemon in " + workspace + ": " + e.getMessage());
    }
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      if (answers()) {
        return Optional.empty();
      }
      if (!process.isAlive() && process.exitValue() != 0) {
        return Optional.of(
            "the daemon started in "
                + workspace
                + " stopped (exit "
                + process.exitValue()
                + "): "
                + lastLine(log)
                + " (whole output in "
                + log
                + ")");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return Optional.of("the daemon started in " + workspace + " did not answer; see " + log);
  }

  private List<String> command(Path jar) {
    List<String> words = new ArrayList<>();
    if (onPath("setsid")) {
      words.add("setsid");
    }
    words.add(ProcessHandle.current().info().command().orElse("java"));
    words.addAll(ServiceSpec.LEAN_FLAGS);
    words.addAll(List.of("-jar", jar.toString(), "daemon", "--state-dir", stateDir.toString()));
    if (config != null) {
      words.addAll(List.of("--config", config.toString()));
    }
    return words;
  }

  private boolean answers() {
    try {
      daemon.status();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean onPath(String tool) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
    } catch (IOException e) {
      return "(no output)";
    }
    return "(no output)";
  }
}
