package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.pipeline.RunJournal;
import dev.vigil.report.Json;
import dev.vigil.report.StatusSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a second core, what a command that runs stages once, or a daemon, will need while
 * picocli reads the command line on the first: the logging, the YAML reader and the serializers of
 * the run record's JSON form (and a daemon's status file's), in the mapper the command will write
 * its records with ({@code json}). A short command, and a daemon until its watches are registered,
 * spend most of their time loading and first running classes, one after another on one thread; this
 * does some of that beside it. It writes nothing and touches no file, and whatever it does not
 * finish the command does as it would have.
 */
final class StartWarmer {
  /** The commands that read a config and run stages once, whose start this shortens. */
  private static final Set<String> RUNNING = Set.of("once", "hook");

  /**
   * The commands that start a daemon, whose watches are registered only after its history, status
   * file and timers are set up: this sets up what they use on the second core meanwhile.
   */
  private static final Set<String> DAEMONS = Set.of("daemon", "watch");

  private StartWarmer() {}

  /**
   * Starts the warm-up beside the command that {@code args} name, if it is one that runs stages or
   * a daemon; returns its thread, which never keeps the JVM from exiting.
   */
  static Optional<Thread> startFor(String[] args, Supplier<Json> json) {
    Optional<String> command =
        Main.commandName(args).filter(c -> RUNNING.contains(c) || DAEMONS.contains(c));
    if (command.isEmpty()) {
      return Optional.empty();
    }
    boolean daemon = DAEMONS.contains(command.get());
    Thread warmer = new Thread(() -> warm(json, daemon), "vigil-warm");
    warmer.setDaemon(true);
    warmer.start();
    return Optional.of(warmer);
  }

  /**
   * Does once what the command will do first, in the order it needs it (a daemon: the collectors'
   * beans its timers read pauses from, and its status file's serializers); an error here only means
   * the command does it.
   */
  static void warm(Supplier<Json> json, boolean daemon) {
    try {
      LoggerFactory.getLogger(StartWarmer.class).trace("warm");
      try (JsonParser parser =
          new YAMLFactory().createParser("version: 1\nprojects:\n  - {name: a, run: [x]}\n")) {
        while (parser.nextToken() != null) {
          // reading is the warm-up
        }
      }
      if (daemon) {
        ManagementFactory.getGarbageCollectorMXBeans();
        json.get().mapper().canSerialize(StatusSnapshot.class);
      }
      RunJournal.warm(json.get());
      Class.forName("java.lang.ProcessImpl");
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // The command loads what it needs itself.
    }
  }
}
