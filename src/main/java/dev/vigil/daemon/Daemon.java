package dev.vigil.daemon;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.LoadedConfig;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.AbandonedRuns;
import dev.vigil.pipeline.ChainedRuns;
import dev.vigil.pipeline.HistoryMemory;
import dev.vigil.pipeline.RunIds;
import dev.vigil.pipeline.RunJournal;
import dev.vigil.pipeline.RunSlots;
import dev.vigil.process.ProcessRunner;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.DaemonStatus;
import dev.vigil.report.EventBus;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.report.VigilEvent;
import dev.vigil.run.RunRecord;
import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: every project watched, batched and run, status.json kept current, the config
 * file watched and re-applied. This is the facade the cli and the local API drive.
 */
public final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final DaemonOptions options;
  private final ConsoleReporter console;
  private final DaemonLock lock;
  private static final double BASELINE_WORTH_SAYING_SECONDS = 1.0;
  private static final String STOPPED = "stopped";

  private final SystemScheduler scheduler = new SystemScheduler("vigil-timer");
  private final ProcessRunner runner;
  private final ExecutorService background;
  private final ExecutorService readAhead;
  private final HistoryLog history;
  private final EventBus events = new EventBus();
  private final StatusBoard board;
  private final Instant startedAt;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final ProjectRegistry projects = new ProjectRegistry(this::newRuntime);
  private final ChainedRuns chained = new ChainedRuns(this::runChained);
  private final LoopEvents loopEvents;
  private final SharedParts parts;
  private volatile String state = "starting";
  private volatile String configError;
  private ConfigFileWatch configWatch;
  private java.util.Map<java.nio.file.Path, String> lastGood;
  private final java.util.Set<java.nio.file.Path> ownFiles =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Daemon(DaemonOptions options, ConsoleReporter console, DaemonLock lock)
      throws IOException {
    this.options = options;
    this.console = console;
    this.lock = lock;
    this.startedAt = scheduler.now();
    Json json = new Json();
    this.history = new HistoryLog(options.stateDir(), json);
    AbandonedRuns.recover(options.stateDir(), history, console::info);
    this.runner = new ProcessRunner(scheduler, options.stateDir());
    this.board =
        new StatusBoard(
            new StatusFileWriter(options.stateDir(), json),
            this::daemonStatus,
            this::projectStatus,
            scheduler);
    this.loopEvents = new LoopEvents(board::changed, events, console, scheduler, projects, chained);
    this.background = Executors2.singleThread("vigil-baseline");
    this.readAhead = Executors2.singleThread("vigil-read-ahead");
    options.configFile().ifPresent(ownFiles::add);
    ownFiles.addAll(options.loaded().sources().contents().keySet());
    this.parts =
        new SharedParts(
            scheduler,
            runner,
            new RunSlots(options.config().maxParallelRuns()),
            new RunIds(options.stateDir()),
            options.stateDir(),
            RunJournal.around(
                options.stateDir(),
                scheduler::now,
                new DaemonRunListener(
                    console, history, events, board::changed, options.stateDir(), this::rootOf)),
            options.env(),
            background,
            readAhead,
            ownFiles,
            new HistoryMemory(history, scheduler));
  }

  /** Takes the state dir's lock, arms every project and returns once all are watching. */
  public static Daemon start(DaemonOptions options, ConsoleReporter console)
      throws IOException, DaemonLock.HeldElsewhere {
    DaemonLock lock = DaemonLock.acquire(options.stateDir());
    Daemon daemon;
    try {
      daemon = new Daemon(options, console, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    daemon.arm(options.loaded());
    return daemon;
  }

  private void arm(LoadedConfig loaded) {
    VigilConfig config = loaded.config();
    lastGood = loaded.lastGood();
    board.writeNow();
    List<ProjectRuntime> armed = projects.apply(config, new ArrayList<>());
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (ProjectRuntime runtime : armed) {
      starts.add(runtime.start());
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    // Only now: a baseline walk would compete with the other projects' registration.
    long walkStart = scheduler.nanoTime();
    for (ProjectRuntime runtime : armed) {
      runtime.takeBaseline();
      CompletableFuture<Void> unused =
          runtime.baselineTaken().thenRun(() -> reportBaseline(runtime, walkStart));
    }
    runner.keepWarm();
    state = "ready";
    console.info(
        "vigil: watching "
            + config.projects().size()
            + (config.projects().size() == 1 ? " project" : " projects")
            + " (state in "
            + options.stateDir()
            + ")");
    reportProblems(loaded);
    board.writeNow();
    if (options.configFile().isPresent()) {
      configWatch = ConfigFileWatch.start(loaded.sources(), scheduler, this::reloadQuietly);
    }
    Map<String, List<String>> startup = new LinkedHashMap<>();
    for (ProjectRuntime runtime : projects.all()) {
      if (runtime.config().runOnStart()) {
        startup.put(runtime.config().name(), runtime.config().after());
      }
    }
    chained.runAll("startup", startup);
  }

  /** Starts a full run that {@link ChainedRuns} let go, unless stopping or the project is gone. */
  private void runChained(String project, String kind) {
    if (stopping.get()) {
      return;
    }
    try {
      projects.select(Optional.of(project)).forEach(r -> r.loop().runAll(kind));
    } catch (UnknownProjectException removed) {
      chained.finished(project);
    }
  }

  private ProjectRuntime newRuntime(ProjectConfig project) {
    return new ProjectRuntime(project, parts, loopEvents, options.watchSettings(), board::changed);
  }

  /**
   * Says when a large project's content is recorded (a walk of a second or more): until then a
   * touch of a file not yet reached still runs, and the daemon is still busy starting up.
   */
  private void reportBaseline(ProjectRuntime runtime, long walkStart) {
    double seconds = (scheduler.nanoTime() - walkStart) / 1e9;
    if (seconds < BASELINE_WORTH_SAYING_SECONDS) {
      return;
    }
    console.info(
        String.format(
            Locale.ROOT,
            "%s: content of %,d files recorded in %.1f s",
            runtime.config().name(),
            runtime.baselineSize(),
            seconds));
  }

  /** Completes once every project's content baseline is taken (for tests). */
  CompletableFuture<Void> baselinesTaken() {
    return CompletableFuture.allOf(
        projects.all().stream()
            .map(ProjectRuntime::baselineTaken)
            .toArray(CompletableFuture[]::new));
  }

  /** The whole current state, as status.json has it. */
  public StatusSnapshot status() {
    return board.snapshot();
  }

  /** Past runs, newest first. */
  public List<RunRecord> runs(Optional<String> project, int limit) throws IOException {
    return history.read(project, limit);
  }

  public EventBus events() {
    return events;
  }

  /** Queues a full run of the project, or of every project. */
  public CompletableFuture<Void> trigger(Optional<String> project) {
    return each(project, r -> r.loop().runAll("manual"));
  }

  public CompletableFuture<Void> pause(Optional<String> project) {
    return each(project, r -> r.loop().pause());
  }

  public CompletableFuture<Void> resume(Optional<String> project) {
    return each(project, r -> r.loop().resume());
  }

  /**
   * Reads the config file again, with the files it includes, and applies it; a bad config file
   * leaves the running config in place, a bad included file leaves its last good version in place,
   * and either is reported. Returns the problem lines, or empty when everything applied.
   */
  public synchronized Optional<String> reload() {
    Optional<java.nio.file.Path> file = options.configFile();
    if (file.isEmpty()) {
      return Optional.of("vigil runs on the embedded default; there is no config file to reload");
    }
    LoadedConfig next;
    try {
      next = ConfigLoader.loadLenient(file.get(), options.env(), lastGood);
    } catch (ConfigException e) {
      configError = e.getMessage();
      console.configError(e.getMessage());
      events.publish(VigilEvent.configError(e.getMessage()));
      board.changed();
      return Optional.of(e.getMessage());
    }
    lastGood = next.lastGood();
    ownFiles.addAll(next.sources().contents().keySet());
    ownFiles.retainAll(next.sources().contents().keySet());
    if (configWatch != null) {
      configWatch.update(next.sources());
    }
    List<String> changed = new ArrayList<>();
    List<String> before = projects.all().stream().map(r -> r.config().name()).toList();
    List<ProjectRuntime> fresh = projects.apply(next.config(), changed);
    for (ProjectRuntime kept : projects.all()) {
      if (!fresh.contains(kept)) {
        kept.retryEvents(); // a project polling after a fallback tries kernel events again now
      }
    }
    Map<ProjectRuntime, CompletableFuture<Void>> started = new LinkedHashMap<>();
    for (ProjectRuntime runtime : fresh) {
      started.put(runtime, runtime.start().thenRun(runtime::takeBaseline));
    }
    for (String name : before) {
      if (next.config().projects().stream().noneMatch(p -> p.name().equals(name))) {
        chained.finished(name); // removed: nothing waits for it any longer
      }
    }
    CompletableFuture<Void> unused =
        CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new))
            .whenComplete((v, e) -> chained.runAll("config", armedOf(started)));
    console.info(
        "vigil: config reloaded"
            + (changed.isEmpty()
                ? ", no project changed"
                : "; re-armed " + String.join(", ", changed)));
    Optional<String> problems = reportProblems(next);
    events.publish(VigilEvent.configApplied(file.get().toString()));
    board.changed();
    return problems;
  }

  /** Reports what was wrong in the included files, if anything; sets or clears configError. */
  private Optional<String> reportProblems(LoadedConfig loaded) {
    if (loaded.problems().isEmpty()) {
      configError = null;
      return Optional.empty();
    }
    String lines =
        loaded.problems().stream()
            .map(Object::toString)
            .collect(java.util.stream.Collectors.joining("\n"));
    configError = lines;
    console.configError(lines);
    events.publish(VigilEvent.configError(lines));
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

  /** Cancels every run (their process trees killed), writes the last status and lets go. */
  public CompletableFuture<Void> stop() {
    if (stopping.compareAndSet(false, true)) {
      Thread t = new Thread(this::shutDown, "vigil-stop");
      t.setDaemon(false);
      t.start();
    }
    return stopped;
  }

  /** Completes once the daemon has stopped. */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  private void shutDown() {
    try {
      state = "stopping";
      board.writeNow();
      if (configWatch != null) {
        configWatch.cancel();
      }
      List<CompletableFuture<Void>> idle = new ArrayList<>();
      for (ProjectRuntime runtime : projects.all()) {
        runtime.loop().cancel();
        idle.add(runtime.loop().idle());
      }
      try {
        CompletableFuture.allOf(idle.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("some runs did not end in time: {}", e.toString());
      }
      projects.all().forEach(ProjectRuntime::close);
      board.close();
      state = STOPPED;
      board.writeNow();
      runner.close();
      history.close();
      background.shutdownNow();
      readAhead.shutdownNow();
      Executors2.awaitQuietly(background);
      Executors2.awaitQuietly(readAhead);
      scheduler.close();
      lock.close();
    } catch (IOException | RuntimeException e) {
      log.warn("while stopping: {}", e.toString());
    } finally {
      stopped.complete(null);
    }
  }

  private CompletableFuture<Void> each(
      Optional<String> project,
      java.util.function.Function<ProjectRuntime, CompletableFuture<Void>> action) {
    return CompletableFuture.allOf(
        projects.select(project).stream().map(action).toArray(CompletableFuture[]::new));
  }

  private java.nio.file.Path rootOf(String project) {
    return projects.rootOf(project).orElse(options.stateDir());
  }

  /** Each project as it is; once the daemon has stopped, each as {@code stopped}, last run kept. */
  private List<ProjectStatus> projectStatus() {
    boolean stopped = STOPPED.equals(state);
    return projects.all().stream()
        .map(ProjectRuntime::status)
        .map(
            p ->
                stopped
                    ? new ProjectStatus(
                        p.name(), p.root(), STOPPED, p.pendingChanges(), p.stale(), p.lastRun())
                    : p)
        .toList();
  }

  private DaemonStatus daemonStatus() {
    return new DaemonStatus(
        ProcessHandle.current().pid(),
        options.version(),
        state,
        startedAt,
        options.configFile().map(Object::toString).orElse(null),
        configError);
  }
}
