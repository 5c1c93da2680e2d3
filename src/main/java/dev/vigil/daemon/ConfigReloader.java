package dev.vigil.daemon;

import dev.vigil.config.CacheSettings;
import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.LoadedConfig;
import dev.vigil.pipeline.ChainedRuns;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.Scheduler;
import dev.vigil.watch.FolderEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's config over time: the config file (and what it includes) watched, read again and
 * applied to the projects; what was wrong with it kept for status.json.
 */
final class ConfigReloader {
  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  private final DaemonOptions options;
  private final ProjectRegistry projects;
  private final ChainedRuns chained;
  private final ConsoleReporter console;
  private final EventBus events;
  private final Runnable statusChanged;
  private final Set<Path> ownFiles;
  private final Consumer<CacheSettings> cacheSettings;
  private volatile String configError;
  private volatile ConfigFileWatch configWatch;
  private Map<Path, String> lastGood;

  ConfigReloader(
      DaemonOptions options,
      ProjectRegistry projects,
      ChainedRuns chained,
      ConsoleReporter console,
      EventBus events,
      Runnable statusChanged,
      Set<Path> ownFiles,
      Consumer<CacheSettings> cacheSettings) {
    this.options = options;
    this.projects = projects;
    this.chained = chained;
    this.console = console;
    this.events = events;
    this.statusChanged = statusChanged;
    this.ownFiles = ownFiles;
    this.cacheSettings = cacheSettings;
  }

  /** The first config is applied: report its problems and watch its files from now on. */
  void started(LoadedConfig loaded, Scheduler scheduler) {
    List<Runnable> afterwards = new ArrayList<>();
    synchronized (this) {
      lastGood = loaded.lastGood();
      reportProblems(loaded, afterwards);
      if (options.configFile().isPresent()) {
        configWatch =
            ConfigFileWatch.start(
                loaded.sources(), scheduler, this::reloadQuietly, FolderEvents::open);
      }
    }
    afterwards.forEach(Runnable::run);
  }

  /** The problem lines of the config in force, or null. */
  String configError() {
    return configError;
  }

  /** Stops watching the config files. */
  void stop() {
    ConfigFileWatch watch = configWatch;
    if (watch != null) {
      watch.cancel();
    }
  }

  /**
   * Reads the config file again, with the files it includes, and applies it; a bad config file
   * leaves the running config in place, a bad included file leaves its last good version in place,
   * and either is reported. Returns the problem lines, or empty when everything applied. One reload
   * at a time; the console, the events, the status and the projects' first runs are told after
   * letting go of the lock.
   */
  Optional<String> reload() {
    List<Runnable> afterwards = new ArrayList<>();
    Optional<String> problems;
    synchronized (this) {
      problems = reload(afterwards);
    }
    afterwards.forEach(Runnable::run);
    return problems;
  }

  private Optional<String> reload(List<Runnable> afterwards) {
    Optional<Path> file = options.configFile();
    if (file.isEmpty()) {
      return Optional.of("vigil runs on the embedded default; there is no config file to reload");
    }
    LoadedConfig next;
    try {
      next = ConfigLoader.loadLenient(file.get(), options.env(), lastGood);
    } catch (ConfigException e) {
      String message = e.getMessage();
      configError = message;
      afterwards.add(() -> console.configError(message));
      afterwards.add(() -> events.publish(VigilEvent.configError(message)));
      afterwards.add(statusChanged);
      return Optional.of(message);
    }
    lastGood = next.lastGood();
    // max_size and remote: applied first once the lock is let go (it may say something)
    afterwards.add(() -> cacheSettings.accept(next.config().cache()));
    ownFiles.addAll(next.sources().contents().keySet());
    ownFiles.retainAll(next.sources().contents().keySet());
    ConfigFileWatch watch = configWatch;
    if (watch != null) {
      watch.update(next.sources());
    }
    List<String> changed = new ArrayList<>();
    List<String> before = projects.all().stream().map(r -> r.config().name()).toList();
    List<ProjectRuntime> fresh = projects.apply(next.config(), changed);
    List<ProjectRuntime> kept =
        projects.all().stream().filter(runtime -> !fresh.contains(runtime)).toList();
    List<String> removed =
        before.stream()
            .filter(name -> next.config().projects().stream().noneMatch(p -> p.name().equals(name)))
            .toList();
    // Starting a watch tells its listeners (the status, a project's state), and a finished
    // upstream starts its downstream: both after letting go of the lock.
    afterwards.add(
        () -> {
          for (ProjectRuntime runtime : kept) {
            runtime.retryEvents(); // a project polling after a fallback tries kernel events again
            runtime.reloaded();
          }
          Map<ProjectRuntime, CompletableFuture<Void>> started = new LinkedHashMap<>();
          List<ProjectRuntime> current = projects.all();
          for (ProjectRuntime runtime : fresh) {
            if (current.contains(runtime)) { // not removed by a reload since
              started.put(runtime, runtime.start().thenRun(runtime::takeBaseline));
            }
          }
          removed.forEach(chained::finished); // removed: nothing waits for them any longer
          CompletableFuture<Void> unused =
              CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new))
                  .whenComplete((v, e) -> chained.runAll(TriggerKind.CONFIG, armedOf(started)));
        });
    String reloaded =
        "vigil: config reloaded"
            + (changed.isEmpty()
                ? ", no project changed"
                : "; re-armed " + String.join(", ", changed));
    afterwards.add(() -> console.info(reloaded));
    Optional<String> problems = reportProblems(next, afterwards);
    String applied = file.get().toString();
    afterwards.add(() -> events.publish(VigilEvent.configApplied(applied)));
    afterwards.add(statusChanged);
    return problems;
  }

  /** Reports what was wrong in the included files, if anything; sets or clears configError. */
  private Optional<String> reportProblems(LoadedConfig loaded, List<Runnable> afterwards) {
    if (loaded.problems().isEmpty()) {
      configError = null;
      return Optional.empty();
    }
    String lines =
        loaded.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    configError = lines;
    afterwards.add(() -> console.configError(lines));
    afterwards.add(() -> events.publish(VigilEvent.configError(lines)));
    return Optional.of(lines);
  }

  /** The projects whose watches started, with the upstreams their {@code after} names. */
  private static Map<String, List<String>> armedOf(
      Map<ProjectRuntime, CompletableFuture<Void>> started) {
    Map<String, List<String>> armed = new LinkedHashMap<>();
    started.forEach(
        (runtime, start) -> {
          if (!start.isCompletedExceptionally()) {
            armed.put(runtime.config().name(), runtime.config().after());
          }
        });
    return armed;
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.warn("config reload failed: {}", e.toString());
    }
  }
}
