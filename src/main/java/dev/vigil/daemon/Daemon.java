package dev.vigil.daemon;

import dev.vigil.cache.StageCache;
import dev.vigil.config.LoadedConfig;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.ChainedRuns;
import dev.vigil.pipeline.RunSlots;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.DaemonState;
import dev.vigil.report.DaemonStatus;
import dev.vigil.report.EventBus;
import dev.vigil.report.Json;
import dev.vigil.report.ProjectState;
import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.run.RunRecord;
import dev.vigil.run.TriggerKind;
import dev.vigil.threads.NamedThreads;
import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
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

  private final RunServices services;
  private final SystemScheduler scheduler;
  private final ExecutorService background;
  private final ExecutorService readAhead;
  private final EventBus events = new EventBus();
  private final StatusBoard board;
  private final Instant startedAt;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final ProjectRegistry projects = new ProjectRegistry(this::newRuntime);
  private final ChainedRuns chained = new ChainedRuns(this::runChained);
  private final LoopEvents loopEvents;
  private final ProjectServices parts;
  private final ConfigReloader config;
  private final OnceRuns once;
  private volatile DaemonState state = DaemonState.STARTING;
  private final Set<Path> ownFiles = ConcurrentHashMap.newKeySet();

  private Daemon(
      DaemonOptions options, ConsoleReporter console, DaemonLock lock, RunServices services) {
    this.options = options;
    this.console = console;
    this.lock = lock;
    this.services = services;
    this.scheduler = services.scheduler();
    this.startedAt = scheduler.now();
    services.recoverAbandoned(console::info);
    this.board =
        new StatusBoard(
            new StatusFileWriter(options.stateDir(), services.json()),
            this::daemonStatus,
            this::projectStatus,
            scheduler);
    this.loopEvents = new LoopEvents(board::changed, events, console, scheduler, projects, chained);
    this.background = NamedThreads.singleThread("vigil-baseline");
    this.readAhead = NamedThreads.singleThread("vigil-read-ahead");
    options.configFile().ifPresent(ownFiles::add);
    ownFiles.addAll(options.loaded().sources().contents().keySet());
    RunTaps taps =
        new RunTaps(
            new DaemonRunListener(
                console,
                services.history(),
                events,
                board::changed,
                options.stateDir(),
                this::rootOf));
    this.parts =
        new ProjectServices(
            services,
            new RunSlots(options.config().maxParallelRuns()),
            taps,
            options.env(),
            background,
            readAhead,
            ownFiles,
            new StageCache(
                options.stateDir(),
                options.config().cache(),
                options.env(),
                scheduler,
                background,
                console::info));
    this.config =
        new ConfigReloader(
            options,
            projects,
            chained,
            console,
            events,
            board::changed,
            ownFiles,
            parts.cache()::apply);
    this.once = new OnceRuns(projects, taps, scheduler);
  }

  /** The daemon's JSON form: its history's, its status file's and its API's. */
  public Json json() {
    return services.json();
  }

  /** Takes the state dir's lock, arms every project and returns once all are watching. */
  public static Daemon start(DaemonOptions options, ConsoleReporter console)
      throws IOException, DaemonLock.HeldElsewhere {
    return start(options, console, new Json());
  }

  /**
   * Takes the state dir's lock, arms every project and returns once all are watching; its history,
   * status file and API write with {@code json}, one mapper for the process, whose serializers a
   * start-up warm-up may have built already.
   */
  public static Daemon start(DaemonOptions options, ConsoleReporter console, Json json)
      throws IOException, DaemonLock.HeldElsewhere {
    DaemonLock lock = DaemonLock.acquire(options.stateDir());
    Daemon daemon;
    try {
      daemon = new Daemon(options, console, lock, new RunServices(options.stateDir(), json));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    daemon.arm(options.loaded());
    return daemon;
  }

  private void arm(LoadedConfig loaded) {
    VigilConfig vigilConfig = loaded.config();
    board.writeNow();
    List<ProjectRuntime> armed = projects.apply(vigilConfig, new ArrayList<>());
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (ProjectRuntime runtime : armed) {
      starts.add(runtime.start());
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    // Only now: a baseline walk would compete with the other projects' registration.
    StartUpRecording.start(armed, scheduler, console, stopping::get);
    services.runner().keepWarm();
    state = DaemonState.READY;
    console.info(
        "vigil: watching "
            + vigilConfig.projects().size()
            + (vigilConfig.projects().size() == 1 ? " project" : " projects")
            + " (state in "
            + options.stateDir()
            + ")");
    config.started(loaded, scheduler);
    board.writeNow();
    Map<String, List<String>> startup = new LinkedHashMap<>();
    for (ProjectRuntime runtime : projects.all()) {
      if (runtime.config().runOnStart()) {
        startup.put(runtime.config().name(), runtime.config().after());
      }
    }
    chained.runAll(TriggerKind.STARTUP, startup);
  }

  /** Starts a full run that {@link ChainedRuns} let go, unless stopping or the project is gone. */
  private void runChained(String project, TriggerKind kind) {
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
    return services.history().read(project, limit);
  }

  public EventBus events() {
    return events;
  }

  /** Queues a full run of the project, or of every project. */
  public CompletableFuture<Void> trigger(Optional<String> project) {
    return trigger(project, false);
  }

  /**
   * Queues a full run of the project, or of every project; with {@code noCache}, that run runs
   * every stage, those the stage cache would answer too.
   */
  public CompletableFuture<Void> trigger(Optional<String> project, boolean noCache) {
    return each(project, r -> r.trigger(noCache));
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
  public Optional<String> reload() {
    return config.reload();
  }

  /**
   * Holds the named projects for a {@code vigil once --staged}: changes start no run until {@link
   * #release}; returns the hold's id once all are held.
   *
   * @throws UnknownProjectException for a project the daemon does not have
   */
  public String hold(List<String> projectNames) {
    return once.hold(projectNames);
  }

  /**
   * Lets a hold go: changes made meanwhile run, except those whose content is back to what the last
   * run saw. False when there is no such hold.
   */
  public boolean release(String holdId) {
    return once.release(holdId);
  }

  /**
   * Runs the named projects once, as {@code vigil once} does, each event to {@code sink}; completes
   * with whether all passed.
   *
   * @param configDigests the {@link ConfigDigest} of each project's config as the client has it
   * @throws UnknownProjectException for a project the daemon does not have
   * @throws ConfigDiffersException when the daemon's config for a project is another
   */
  public CompletableFuture<Boolean> once(
      Map<String, String> configDigests, Consumer<OnceEvent> sink) {
    if (stopping.get()) {
      throw new IllegalStateException("the daemon is stopping");
    }
    return once.run(configDigests, sink);
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
      state = DaemonState.STOPPING;
      board.writeNow();
      config.stop();
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
      state = DaemonState.STOPPED;
      board.writeNow();
      background.shutdownNow();
      readAhead.shutdownNow();
      NamedThreads.awaitQuietly(background);
      NamedThreads.awaitQuietly(readAhead);
      services.close();
      lock.close();
    } catch (IOException | RuntimeException e) {
      log.warn("while stopping: {}", e.toString());
    } finally {
      stopped.complete(null);
    }
  }

  private CompletableFuture<Void> each(
      Optional<String> project, Function<ProjectRuntime, CompletableFuture<Void>> action) {
    return CompletableFuture.allOf(
        projects.select(project).stream().map(action).toArray(CompletableFuture[]::new));
  }

  private Path rootOf(String project) {
    return projects.rootOf(project).orElse(options.stateDir());
  }

  /** Each project as it is; once the daemon has stopped, each as {@code stopped}, last run kept. */
  private List<ProjectStatus> projectStatus() {
    boolean stopped = state == DaemonState.STOPPED;
    return projects.all().stream()
        .map(ProjectRuntime::status)
        .map(
            p ->
                stopped
                    ? new ProjectStatus(
                        p.name(),
                        p.root(),
                        ProjectState.STOPPED,
                        p.pendingChanges(),
                        p.stale(),
                        p.lastRun())
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
        config.configError());
  }
}
