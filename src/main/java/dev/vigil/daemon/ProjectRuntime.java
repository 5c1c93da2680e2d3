package dev.vigil.daemon;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.batch.ClosedBatch;
import dev.vigil.batch.ContentBaseline;
import dev.vigil.batch.DebouncedBatcher;
import dev.vigil.batch.GitActivity;
import dev.vigil.batch.OverflowRescan;
import dev.vigil.cache.ProjectCache;
import dev.vigil.config.ProjectConfig;
import dev.vigil.glob.Glob;
import dev.vigil.pipeline.LoopStatus;
import dev.vigil.pipeline.ProjectLoop;
import dev.vigil.pipeline.RunListener;
import dev.vigil.report.ProjectState;
import dev.vigil.report.ProjectStatus;
import dev.vigil.run.RunRecord;
import dev.vigil.threads.NamedThreads;
import dev.vigil.watch.FileEvent;
import dev.vigil.watch.IgnoreRules;
import dev.vigil.watch.ProjectWatcher;
import dev.vigil.watch.WatchSettings;
import dev.vigil.watch.WatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched project: watcher, ignore rules, debouncer with content suppression, and its loop.
 * Events flow watcher -> batcher -> loop; a run that starts records the content it covers.
 */
final class ProjectRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProjectRuntime.class);

  private final ProjectConfig config;
  private final List<Glob> watchGlobs;
  private final ContentBaseline baseline;
  private final ProjectCache cache;
  private final DebouncedBatcher batcher;
  private final ProjectWatcher watcher;
  private final ProjectLoop loop;
  private final ExecutorService loopThread;
  private final Runnable onChange;
  private final ProjectServices parts;
  private volatile IgnoreRules rules;
  private final CompletableFuture<Void> baselineTaken = new CompletableFuture<>();
  private volatile WatchState watchState = WatchState.STARTING;
  private volatile String watchMessage = "";
  private final HeldChanges held = new HeldChanges();

  ProjectRuntime(
      ProjectConfig config,
      ProjectServices parts,
      ProjectLoop.Listener loopListener,
      WatchSettings watchSettings,
      Runnable onChange) {
    this.config = config;
    this.parts = parts;
    this.onChange = onChange;
    this.watchGlobs = config.watch().stream().map(Glob::of).toList();
    this.rules = IgnoreRules.load(config.root(), config.ignore(), parts.env());
    this.baseline = new ContentBaseline(config.root(), parts.runs().scheduler());
    this.loopThread = NamedThreads.singleThread("vigil-loop-" + config.name());
    this.batcher =
        DebouncedBatcher.builder(config.root(), parts.runs().scheduler())
            .debounce(config.debounce())
            .maxWait(config.maxWait())
            .gitBusy(busy(new GitActivity(config.root())))
            .contentFilter(baseline::reallyChanged)
            .closer(loopThread)
            .build(this::onBatch);
    this.cache = parts.cache().project(config, baseline::recorded);
    RunListener listener = new BaselineCommitter(parts.runListener(), baseline, cache);
    this.loop =
        new ProjectLoop(
            config,
            parts.runs().pipelines(listener, cache),
            parts.slots(),
            loopListener,
            loopThread);
    this.watcher =
        new ProjectWatcher(
            config.root(),
            this::ignored,
            this::onEvent,
            this::onWatchState,
            parts.runs().scheduler(),
            watchSettings);
  }

  /**
   * What holds a closing batch open: git rewriting the work tree, or the watcher still reporting
   * the files of a directory that appeared (a folder moved in, an archive unpacked), so that such a
   * change is one run however long its report takes and whatever {@code max_wait} says.
   */
  private BooleanSupplier busy(GitActivity git) {
    return () -> (watcher != null && watcher.walking()) || git.getAsBoolean();
  }

  ProjectConfig config() {
    return config;
  }

  ProjectLoop loop() {
    return loop;
  }

  /**
   * Registers the watches; completes when the project is watching (or polling). The content
   * baseline is left to {@link #takeBaseline}, so that its walk does not compete with the
   * registration of other projects.
   */
  CompletableFuture<Void> start() {
    return watcher.start();
  }

  /** Starts the background walk that records file contents; call it once, after {@link #start}. */
  void takeBaseline() {
    baseline.loadRecord(recordFile());
    baseline
        .takeInBackground(this::outOfScope, parts.background())
        .whenComplete(
            (v, e) -> {
              cache.inputsKnown(baseline.knownPaths());
              saveRecord();
              baselineTaken.complete(null);
            });
  }

  /** Where the content record of this project is kept between daemon runs. */
  private Path recordFile() {
    return recordFile(parts.runs().stateDir(), config.name());
  }

  /** Where the content record of a project is kept in a state dir. */
  static Path recordFile(Path stateDir, String project) {
    String safe = project.replaceAll("[^A-Za-z0-9._-]", "_");
    return stateDir.resolve("content").resolve(safe + ".record");
  }

  /** Saves the content record for the next start; a failure only costs that start a full read. */
  private void saveRecord() {
    try {
      baseline.saveRecord(recordFile());
    } catch (java.io.IOException | RuntimeException e) {
      log.warn("{}: content record not saved: {}", config.name(), e.toString());
    }
  }

  /** How many files the content baseline knows. */
  int baselineSize() {
    return baseline.size();
  }

  /** Completes once the content baseline has been taken. */
  CompletableFuture<Void> baselineTaken() {
    return baselineTaken;
  }

  ProjectStatus status() {
    LoopStatus s = loop.status();
    RunRecord last = s.lastRun();
    return new ProjectStatus(
        config.name(),
        config.root().toString(),
        state(s),
        s.pendingChanges() + batcher.pendingCount(),
        s.stale(),
        last);
  }

  /**
   * Runs every stage once, for {@code vigil once}. The content baseline and the stage cache first
   * catch up with the disk: a hook's stash may have changed files whose events are still on their
   * way or held back, and a cached answer for the content before would be a wrong answer. Content
   * taken here is what the run saw, so a work tree put back after it differs and is run again.
   */
  CompletableFuture<RunRecord> runOnce() {
    if (baselineTaken.isDone()) {
      List<String> differing = baseline.reallyChanged(List.copyOf(baseline.knownPaths()));
      if (!differing.isEmpty()) {
        baseline.commit(differing);
        cache.inputsRecorded(differing, true);
      }
    }
    return loop.runOnce();
  }

  /**
   * Holds the project: changes start no run until {@link #release}, while once-runs still do;
   * completes once held. Holds count: the last release lets go.
   */
  CompletableFuture<Void> hold() {
    return CompletableFuture.supplyAsync(held::hold, loopThread)
        .thenCompose(first -> first ? loop.hold() : CompletableFuture.completedFuture(null));
  }

  /**
   * Lets one hold go. After the last, the changes kept meanwhile whose content is back to what the
   * last run recorded (a stash set aside and put back) start nothing; the others start a run.
   */
  CompletableFuture<Void> release() {
    return CompletableFuture.supplyAsync(() -> releaseOnLoop(), loopThread)
        .thenCompose(last -> last ? loop.release() : CompletableFuture.completedFuture(null));
  }

  private boolean releaseOnLoop() {
    if (!held.held()) {
      return false;
    }
    java.util.Optional<ChangeBatch> still =
        held.release(baseline::reallyChanged, parts.runs().scheduler().now());
    still.ifPresent(loop::changes);
    return !held.held();
  }

  /** Queues a full run; with {@code noCache}, it runs every stage, cached or not. */
  CompletableFuture<Void> trigger(boolean noCache) {
    if (noCache) {
      cache.bypassNextRun();
    }
    return loop.runAll(dev.vigil.run.TriggerKind.MANUAL);
  }

  /** The config was reloaded and this project kept as it was: the cache takes its tools again. */
  void reloaded() {
    cache.reloaded();
  }

  /** Tries kernel events again now if the project fell back to polling, or looks for its root. */
  void retryEvents() {
    watcher.retryEvents();
  }

  String watchMessage() {
    return watchMessage;
  }

  private ProjectState state(LoopStatus s) {
    if (s.paused()) {
      return ProjectState.PAUSED;
    }
    if (watchState == WatchState.WAITING_FOR_ROOT) {
      return ProjectState.WAITING_FOR_ROOT;
    }
    if (watchState == WatchState.ERROR) {
      return ProjectState.ERROR;
    }
    if (s.running()) {
      return ProjectState.RUNNING;
    }
    if (batcher.isDebouncing()) {
      return ProjectState.DEBOUNCING;
    }
    if (watchState == WatchState.STARTING) {
      return ProjectState.STARTING;
    }
    return watchState == WatchState.POLLING ? ProjectState.POLLING : ProjectState.WATCHING;
  }

  private void onEvent(FileEvent event) {
    if (event.kind() != FileEvent.Kind.OVERFLOW) {
      Path path = event.path();
      if (IgnoreRules.isIgnoreFile(path)) {
        rules = rules.withGitignoreChanged(path);
      }
      if (!event.directory() && !watchGlobs.isEmpty() && !watched(path)) {
        return;
      }
    }
    boolean wasIdle = !batcher.isDebouncing();
    batcher.offer(event);
    if (event.kind() != FileEvent.Kind.OVERFLOW && !event.directory()) {
      baseline.readAhead(event.path(), parts.readAhead());
    }
    if (wasIdle) {
      onChange.run();
    }
  }

  /** The project's whole ignore rule: vigil's own files, then git's rules and the config's. */
  private boolean ignored(Path path, boolean directory) {
    return parts.ownFiles().contains(path) || rules.isIgnored(path, directory);
  }

  /** Ignored, or a file the config's {@code watch} globs leave out. */
  private boolean outOfScope(Path path, boolean directory) {
    return ignored(path, directory) || (!directory && !watchGlobs.isEmpty() && !watched(path));
  }

  private boolean watched(Path path) {
    String rel = config.root().relativize(path).toString().replace('\\', '/');
    return watchGlobs.stream().anyMatch(g -> g.matches(rel));
  }

  private void onBatch(ClosedBatch closed) {
    if (watcher.state() == WatchState.WAITING_FOR_ROOT || !Files.isDirectory(config.root())) {
      // Nothing can run in a root that is gone. Once it is back, the watcher asks for a rescan
      // against the content of the last run, which covers these changes too.
      log.debug(
          "{}: root missing; {} changes wait for it", config.name(), closed.batch().changedCount());
      watcher.checkRoot();
      onChange.run();
      return;
    }
    ChangeBatch batch = closed.batch();
    if (closed.overflowed()) {
      batch = OverflowRescan.rescan(config.root(), baseline, this::outOfScope, batch);
      log.info(
          "{}: the kernel dropped file events; rescanned {}: {} changed",
          config.name(),
          config.root(),
          batch.changedCount());
    }
    if (batch.changedCount() > 0 && held.held()) {
      held.keep(batch);
    } else if (batch.changedCount() > 0) {
      loop.changes(batch);
    }
    onChange.run();
  }

  private void onWatchState(WatchState state, String message) {
    WatchState before = this.watchState;
    this.watchState = state;
    this.watchMessage = message;
    if (state == WatchState.ERROR
        || state == WatchState.POLLING
        || state == WatchState.WAITING_FOR_ROOT) {
      log.warn("{}: {}", config.name(), message);
    } else if (before == WatchState.WAITING_FOR_ROOT) {
      log.info("{}: {} is back; {}", config.name(), config.root(), message);
    }
    onChange.run();
  }

  @Override
  public void close() {
    watcher.close();
    batcher.close();
    loopThread.shutdown();
    NamedThreads.awaitQuietly(loopThread);
    if (baselineTaken.isDone()) {
      saveRecord(); // with what the runs recorded since
    }
  }
}
