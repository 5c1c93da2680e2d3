package dev.vigil.daemon;

import dev.vigil.cache.ProjectCache;
import dev.vigil.diagnostics.SarifWriter;
import dev.vigil.pipeline.AbandonedRuns;
import dev.vigil.pipeline.HistoryAndFixes;
import dev.vigil.pipeline.PipelineFactory;
import dev.vigil.pipeline.RunIds;
import dev.vigil.pipeline.RunJournal;
import dev.vigil.pipeline.RunListener;
import dev.vigil.process.ProcessRunner;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The one place where the pipeline is wired: clock and timers, the command runner, the state dir's
 * history and run ids. The daemon and an in-process {@code vigil once} both start their runs
 * through {@link #pipelines}; closing ends the runner, the history and the timers, in that order.
 */
final class RunServices implements AutoCloseable {
  private final Path stateDir;
  private final SystemScheduler scheduler;
  private final Json json;
  private final ProcessRunner runner;
  private final HistoryLog history;
  private final RunIds ids;
  private final HistoryAndFixes memory;

  RunServices(Path stateDir) throws IOException {
    this(stateDir, new Json());
  }

  /** The services of a daemon whose records are written with {@code json}. */
  RunServices(Path stateDir, Json json) throws IOException {
    this(stateDir, new SystemScheduler("vigil-timer"), json);
  }

  /**
   * The services of a {@code vigil once}, which waits for no quiet period and so needs no
   * correction of its timers for the JVM's pauses: its start loads none of the management classes
   * and MXBeans that the pauses are read from. Its records are written with {@code json}, whose
   * serializers a start-up warm-up may have built already.
   */
  static RunServices forOnce(Path stateDir, Json json) throws IOException {
    return new RunServices(stateDir, SystemScheduler.withoutPauses("vigil-timer"), json);
  }

  private RunServices(Path stateDir, SystemScheduler scheduler, Json json) throws IOException {
    this.stateDir = stateDir;
    this.json = json;
    this.scheduler = scheduler;
    this.runner = new ProcessRunner(scheduler, stateDir);
    try {
      this.history = new HistoryLog(stateDir, json);
    } catch (IOException | RuntimeException e) {
      runner.close();
      scheduler.close();
      throw e;
    }
    this.ids = new RunIds(stateDir);
    this.memory = new HistoryAndFixes(history, scheduler);
  }

  /** Starts the runs of a project, each heard by {@code listener}. */
  PipelineFactory pipelines(RunListener listener) {
    return pipelines(listener, ProjectCache.NONE);
  }

  /**
   * Starts the runs of a project, each heard by {@code listener}, cached stages from {@code cache}.
   */
  PipelineFactory pipelines(RunListener listener, ProjectCache cache) {
    return new PipelineFactory(
        runner,
        scheduler,
        RunJournal.around(stateDir, scheduler::now, listener, json),
        ids,
        stateDir,
        Runtime.getRuntime().availableProcessors(),
        memory,
        cache);
  }

  /**
   * Ends the stage processes a killed vigil left on this state dir and records its cut runs; call
   * before the first run starts.
   */
  void recoverAbandoned(Consumer<String> say) {
    AbandonedRuns.recover(stateDir, history, json, say);
  }

  /** Appends a finished run to the history and writes its diagnostics as SARIF. */
  void keep(RunRecord record, Path projectRoot) throws IOException {
    history.append(record);
    SarifWriter.writeLatest(stateDir, projectRoot, record);
  }

  SystemScheduler scheduler() {
    return scheduler;
  }

  /** The JSON form the history and the journal are written in, for the rest of the process. */
  Json json() {
    return json;
  }

  ProcessRunner runner() {
    return runner;
  }

  HistoryLog history() {
    return history;
  }

  RunIds ids() {
    return ids;
  }

  HistoryAndFixes memory() {
    return memory;
  }

  Path stateDir() {
    return stateDir;
  }

  @Override
  public void close() {
    try {
      runner.close();
      history.close();
    } finally {
      scheduler.close();
    }
  }
}
