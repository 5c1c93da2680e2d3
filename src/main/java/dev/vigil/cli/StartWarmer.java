package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.run.RecordMapper;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a second core, what a command that runs stages once will need while picocli reads the
 * command line on the first: the logging, the YAML reader and the run record's JSON form. A short
 * command spends most of its life loading and first running classes, one after another on one
 * thread; this does some of that beside it. It writes nothing and touches no file, and whatever it
 * does not finish the command does as it would have.
 */
final class StartWarmer {
  /** The commands that read a config and run stages, whose start this shortens. */
  private static final Set<String> RUNNING = Set.of("once", "hook");

  private StartWarmer() {}

  /**
   * Starts the warm-up beside the command that {@code args} name, if it is one that runs stages;
   * returns its thread, which never keeps the JVM from exiting.
   */
  static Optional<Thread> startFor(String[] args) {
    if (!Main.commandName(args).filter(RUNNING::contains).isPresent()) {
      return Optional.empty();
    }
    Thread warmer = new Thread(StartWarmer::warm, "vigil-warm");
    warmer.setDaemon(true);
    warmer.start();
    return Optional.of(warmer);
  }

  /** Does once what the command will do first; an error here only means the command does it. */
  static void warm() {
    try {
      LoggerFactory.getLogger(StartWarmer.class).trace("warm");
      try (JsonParser parser =
          new YAMLFactory().createParser("version: 1\nprojects:\n  - {name: a, run: [x]}\n")) {
        while (parser.nextToken() != null) {
          // reading is the warm-up
        }
      }
      Instant now = Instant.now();
      StageRecord stage =
          new StageRecord("s", StageStatus.PASSED, 0, 1, 1, "", "s.log", List.of(), List.of(), 0);
      RecordMapper.create()
          .writeValueAsBytes(
              RunRecord.builder("p", Trigger.of(TriggerKind.MANUAL))
                  .runId("p-1")
                  .queuedAt(now)
                  .startedAt(now)
                  .finished(now, 1, RunResult.PASSED)
                  .stages(List.of(stage))
                  .build());
      Class.forName("java.lang.ProcessImpl");
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // The command loads what it needs itself.
    }
  }
}
