package dev.vigil.daemon;

import dev.vigil.config.ProjectConfig;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.PipelineFactory;
import dev.vigil.pipeline.RunListener;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code vigil once} in this process, when no daemon of the state dir can do it: wired by {@link
 * RunServices} as the daemon is, so ids never collide with a daemon's and runs go to its history.
 */
public final class LocalOnce {
  private LocalOnce() {}

  /**
   * Runs the chosen projects in {@code after} order, each run heard by {@code runs}; returns
   * whether all passed.
   *
   * @throws IOException when the state dir cannot take the history
   */
  public static boolean run(
      List<ProjectConfig> chosen,
      Path stateDir,
      RunListener runs,
      OnceSequence.Listener listener,
      Consumer<String> say)
      throws IOException {
    try (RunServices services = new RunServices(stateDir)) {
      services.recoverAbandoned(say);
      PipelineFactory pipelines = services.pipelines(runs);
      return OnceSequence.run(
          chosen,
          project -> {
            RunRecord record =
                pipelines.start(project, Trigger.of(TriggerKind.MANUAL), List.of()).result().join();
            try {
              services.keep(record, project.root());
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
