package dev.vigil.daemon;

import static org.awaitility.Awaitility.await;

import dev.vigil.config.ConfigLoader;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.Json;
import dev.vigil.report.ProjectState;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.run.RunRecord;
import dev.vigil.watch.WatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real daemon on a temp project: real files, the real watcher, real processes. Register with
 * {@code @RegisterExtension}; the daemon is stopped (and its runs killed) after each test.
 */
final class DaemonFixture implements AfterEachCallback {
  static final Duration WAIT = Duration.ofSeconds(30);

  Path root;
  Path stateDir;
  Path configFile;
  Daemon daemon;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** Writes the config into {@code root/vigil.yaml} and starts a daemon on it. */
  Daemon start(Path root, Path stateDir, String yaml) throws Exception {
    this.root = root;
    this.stateDir = stateDir;
    this.configFile = root.resolve("vigil.yaml");
    Files.writeString(configFile, yaml);
    Map<String, String> env =
        Map.of("HOME", stateDir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    DaemonOptions options =
        new DaemonOptions(
            ConfigLoader.load(configFile),
            Optional.of(configFile),
            stateDir,
            env,
            WatchSettings.DEFAULTS,
            "test");
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    daemon = Daemon.start(options, ConsoleReporter.human(out, stateDir, false));
    awaitBaselines();
    return daemon;
  }

  /**
   * Starts a daemon on an existing config file read as the daemon command reads it: the files it
   * includes loaded leniently, {@code HOME} pointed into the state dir.
   */
  Daemon startOn(Path configFile, Path stateDir) throws Exception {
    this.root = configFile.getParent();
    this.stateDir = stateDir;
    this.configFile = configFile;
    Map<String, String> env =
        Map.of("HOME", stateDir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    DaemonOptions options =
        new DaemonOptions(
            Optional.of(configFile),
            ConfigLoader.loadLenient(configFile, env, Map.of()),
            stateDir,
            env,
            WatchSettings.DEFAULTS,
            "test");
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    daemon = Daemon.start(options, ConsoleReporter.human(out, stateDir, false));
    awaitBaselines();
    return daemon;
  }

  /** Finished runs of one project, oldest first. */
  List<RunRecord> runsOf(String project) throws IOException {
    return runs().stream().filter(r -> r.project().equals(project)).toList();
  }

  /** The names of the projects the daemon has now. */
  List<String> projectNames() {
    return daemon.status().projects().stream().map(p -> p.name()).toList();
  }

  /** Waits until every project's content baseline is taken, so a touch is known as one. */
  void awaitBaselines() {
    daemon
        .baselinesTaken()
        .orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
        .join();
  }

  /** Finished runs, oldest first. */
  List<RunRecord> runs() throws IOException {
    List<RunRecord> runs = new ArrayList<>(daemon.runs(Optional.empty(), 100_000));
    Collections.reverse(runs);
    return runs;
  }

  /** Waits for the n-th finished run and returns it. */
  RunRecord awaitRun(int n) throws IOException {
    await().atMost(WAIT).until(() -> runs().size() >= n);
    return runs().get(n - 1);
  }

  /** Asserts that the number of finished runs stays at n for a while. */
  void assertStaysAt(int n, Duration quiet) {
    await().during(quiet).atMost(quiet.plus(WAIT)).until(() -> runs().size() == n && idle());
  }

  boolean idle() {
    return daemon.status().projects().stream()
        .allMatch(p -> p.state() == ProjectState.WATCHING || p.state() == ProjectState.POLLING);
  }

  StatusSnapshot statusFile() throws IOException {
    return new Json().readStatus(Files.readString(stateDir.resolve("status.json")));
  }

  String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (daemon != null) {
      daemon.stop().join();
    }
  }
}
