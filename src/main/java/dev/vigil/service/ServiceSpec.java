package dev.vigil.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the service runs: the java binary, its flags, the jar, and the daemon's config and state
 * dir, plus the PATH its stages will see.
 *
 * @param java absolute java binary
 * @param jvmFlags JVM flags before {@code -jar}
 * @param jar absolute vigil jar
 * @param config absolute config file passed as {@code --config}, if any
 * @param stateDir the daemon's state dir (set as {@code VIGIL_STATE_DIR}; launchd logs go there)
 * @param passStateDir whether to also pass {@code --state-dir} on the command line
 * @param path the PATH the daemon and its stages get
 * @param documentation a URI for the unit's {@code Documentation=}, if any
 * @param workingDir the daemon's working directory: the user config's directory, so that config
 *     discovery finds the user config and no project's
 */
public record ServiceSpec(
    Path java,
    List<String> jvmFlags,
    Path jar,
    Optional<Path> config,
    Path stateDir,
    boolean passStateDir,
    String path,
    Optional<String> documentation,
    Optional<Path> workingDir) {

  /**
   * The launcher's lean flags: a mostly idle daemon stays small and starts fast, and the path from
   * a save to its command (the batch, pipeline and process packages), which runs too rarely to
   * reach the JIT's usual thresholds, is compiled after a few runs instead of interpreted. The
   * collection after the start-up recording gives the heap back to MaxHeapFreeRatio in one step,
   * not a part of it at each of several collections that an idle daemon never has. The heap starts
   * at 32 MB, its young generation fixed at 4 MB: a burst of thousands of changed files then finds
   * room in the old generation instead of collecting the whole heap, whose pause would make the
   * batch wait one more quiet period, and the start-up walk does not spread over a larger young
   * generation (resident memory at ready as with an 8 MB heap).
   */
  public static final List<String> LEAN_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms32m",
          "-Xmn4m",
          "-Xmx96m",
          "-XX:TieredStopAtLevel=1",
          "-XX:CompileThresholdScaling=0.1",
          "-XX:CompileCommand=quiet",
          "-XX:CompileCommand=CompileThresholdScaling,dev.vigil.p*::*,0.002",
          "-XX:CompileCommand=CompileThresholdScaling,dev.vigil.batch.*::*,0.002",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:-UsePerfData",
          "-XX:MinHeapFreeRatio=20",
          "-XX:MaxHeapFreeRatio=40",
          "-XX:-ShrinkHeapInSteps",
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:AsyncDeflationInterval=10000",
          "-XX:GuaranteedSafepointInterval=0");

  public ServiceSpec {
    jvmFlags = List.copyOf(jvmFlags);
  }

  /** A spec whose daemon starts in the service manager's default working directory. */
  public ServiceSpec(
      Path java,
      List<String> jvmFlags,
      Path jar,
      Optional<Path> config,
      Path stateDir,
      boolean passStateDir,
      String path,
      Optional<String> documentation) {
    this(
        java, jvmFlags, jar, config, stateDir, passStateDir, path, documentation, Optional.empty());
  }

  /** A spec that runs the given jar on the running JVM's java with the lean flags. */
  public static ServiceSpec forRunningJvm(
      Path jar, Optional<Path> config, Path stateDir, boolean passStateDir, String path) {
    return forRunningJvm(jar, config, stateDir, passStateDir, path, Optional.empty());
  }

  /** The same, with the daemon started in {@code workingDir}. */
  public static ServiceSpec forRunningJvm(
      Path jar,
      Optional<Path> config,
      Path stateDir,
      boolean passStateDir,
      String path,
      Optional<Path> workingDir) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ServiceSpec(
        java, LEAN_FLAGS, jar, config, stateDir, passStateDir, path, readmeNear(jar), workingDir);
  }

  /** The same spec with {@code flags} after its JVM flags. */
  public ServiceSpec withJvmFlags(List<String> flags) {
    List<String> all = new ArrayList<>(jvmFlags);
    all.addAll(flags);
    return new ServiceSpec(
        java, all, jar, config, stateDir, passStateDir, path, documentation, workingDir);
  }

  /** The full command line the service manager starts. */
  public List<String> command() {
    List<String> words = new ArrayList<>();
    words.add(java.toString());
    words.addAll(jvmFlags);
    words.add("-jar");
    words.add(jar.toString());
    words.add("daemon");
    config.ifPresent(
        c -> {
          words.add("--config");
          words.add(c.toString());
        });
    if (passStateDir) {
      words.add("--state-dir");
      words.add(stateDir.toString());
    }
    return List.copyOf(words);
  }

  /** Where launchd writes the daemon's standard output. */
  public Path stdoutLog() {
    return stateDir.resolve("logs").resolve("daemon.out.log");
  }

  /** Where launchd writes the daemon's standard error. */
  public Path stderrLog() {
    return stateDir.resolve("logs").resolve("daemon.err.log");
  }

  private static Optional<String> readmeNear(Path jar) {
    Path dir = jar.toAbsolutePath().getParent();
    for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
      Path readme = dir.resolve("README.md");
      if (Files.isRegularFile(readme)) {
        return Optional.of(readme.toUri().toString());
      }
    }
    return Optional.empty();
  }
}
