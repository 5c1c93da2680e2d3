package dev.vigil.cli;

import dev.vigil.config.ProjectConfig;
import dev.vigil.diagnostics.SarifWriter;
import dev.vigil.pipeline.AbandonedRuns;
import dev.vigil.pipeline.HistoryMemory;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.PipelineRun;
import dev.vigil.pipeline.RunIds;
import dev.vigil.pipeline.RunJournal;
import dev.vigil.pipeline.RunRequest;
import dev.vigil.process.ProcessRunner;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code vigil once} in this process, when no daemon of the state dir can do it: ids come from
 * the state dir's allocator, so they never collide with a daemon's, and runs go to its history.
 */
final class LocalOnce {
  private LocalOnce() {}

  /** Runs the chosen projects; returns whether all passed. */
  static boolean run(
      List<ProjectConfig> chosen,
      Path state,
      ConsoleReporter console,
      OnceSequence.Listener listener)
      throws IOException {
    try (SystemScheduler scheduler = new SystemScheduler("vigil-timer");
        HistoryLog history = new HistoryLog(state, new Json());
        ProcessRunner runner = new ProcessRunner(scheduler, state)) {
      AbandonedRuns.recover(state, history, console::info);
      RunIds ids = new RunIds(state);
      try {
        return OnceSequence.run(
            chosen,
            project -> {
              RunRequest request =
                  new RunRequest(
                      ids.next(project.name()), Trigger.of("manual"), scheduler.now(), state);
              RunRecord record =
                  PipelineRun.start(
                          project,
                          request,
                          runner,
                          scheduler,
                          RunJournal.around(state, scheduler::now, Reporters.listener(console)),
                          Runtime.getRuntime().availableProcessors(),
                          new HistoryMemory(history, scheduler))
                      .result()
                      .join();
              try {
                history.append(record);
                SarifWriter.writeLatest(state, project.root(), record);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return record;
            },
            listener);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
