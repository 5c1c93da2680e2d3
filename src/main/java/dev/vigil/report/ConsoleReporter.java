package dev.vigil.report;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints runs as they go: for people (a line per stage, failures with their output tail and log
 * path, colour and a live progress line only on a terminal), or as one JSON run record a line.
 * Failed runs also go to the desktop notifier, if one is given. Safe to call from several threads:
 * the lines of one call are never split by another's.
 */
public final class ConsoleReporter {
  private static final Logger log = LoggerFactory.getLogger(ConsoleReporter.class);

  /** Clears a terminal and puts the cursor home, as {@code clear} does. */
  static final String CLEAR_SCREEN = "\u001B[2J\u001B[H";

  private final PrintStream out;
  private final PrintStream err;
  private final RunText text;
  private final Ansi ansi;
  private final Json json;
  private final boolean quiet;
  private final boolean clear;
  private final ProgressLine progress;
  private final Notifier notifier;

  private ConsoleReporter(
      PrintStream out, PrintStream err, Path stateDir, ConsoleOptions options, Json json) {
    this.out = out;
    this.err = err;
    this.ansi = new Ansi(options.tty());
    this.text = new RunText(stateDir, ansi);
    this.json = json;
    this.quiet = options.quiet();
    this.clear = options.clear() && options.tty() && json == null;
    this.progress =
        options.tty() && json == null && !options.quiet()
            ? options.progress().map(clock -> new ProgressLine(out, clock)).orElse(null)
            : null;
    this.notifier = options.notifier();
  }

  /**
   * A reporter for people; {@code tty} turns colour on (the cli passes whether {@code
   * System.console()} is there), and log paths are shown under {@code stateDir}.
   */
  public static ConsoleReporter human(PrintStream out, Path stateDir, boolean tty) {
    return human(out, stateDir, ConsoleOptions.plain(tty));
  }

  /** A reporter for people with the given quietness, screen clearing, progress and notifier. */
  public static ConsoleReporter human(PrintStream out, Path stateDir, ConsoleOptions options) {
    return new ConsoleReporter(out, out, stateDir, options, null);
  }

  /**
   * A reporter that prints each finished run as one JSON line on {@code out} and nothing else
   * there; config errors and notes go to {@code err} as plain text.
   */
  public static ConsoleReporter json(PrintStream out, PrintStream err, Json json) {
    return json(out, err, json, Notifier.NONE);
  }

  /** A JSON-lines reporter that also tells {@code notifier} of every failed run. */
  public static ConsoleReporter json(
      PrintStream out, PrintStream err, Json json, Notifier notifier) {
    return new ConsoleReporter(
        out,
        err,
        Path.of(""),
        new ConsoleOptions(false, false, false, Optional.empty(), notifier),
        json);
  }

  /** Says why a run starts; for an {@code after} run, see {@link #afterRunStarted}. */
  public void runStarted(RunRecord queued) {
    afterRunStarted(queued, null);
  }

  /** Says a run starts because {@code upstream}'s pipeline passed. */
  public void afterRunStarted(RunRecord queued, String upstream) {
    if (json != null) {
      return;
    }
    if (clear) {
      print(out, CLEAR_SCREEN);
    }
    if (!quiet) {
      print(out, List.of(text.started(queued, upstream)));
    }
  }

  /** Notes that a stage started, for the live progress line. */
  public void stageStarted(String project, String stage) {
    if (progress != null) {
      progress.stageStarted(project, stage);
    }
  }

  /** Prints how one stage went, with the output tail and log path when it failed or timed out. */
  public void stageFinished(String project, StageRecord stage) {
    if (progress != null) {
      progress.stageFinished(project, stage.name());
    }
    if (json == null && (!quiet || failed(stage))) {
      print(out, text.stage(project, stage));
    }
  }

  /** Prints the run's result and total time, or its JSON line in json mode. */
  public void runFinished(RunRecord run) {
    if (progress != null) {
      progress.runFinished(run.project());
    }
    print(out, List.of(json == null ? text.finished(run) : json.write(run)));
    if (run.result() == RunResult.FAILED || run.result() == RunResult.ERROR) {
      notifyFailed(run);
    }
  }

  private void notifyFailed(RunRecord run) {
    String stages =
        run.stages().stream()
            .filter(ConsoleReporter::failed)
            .map(s -> s.name() + (s.status() == StageStatus.TIMEOUT ? " timed out" : " failed"))
            .collect(Collectors.joining(", "));
    try {
      notifier.show(
          "vigil: " + run.project() + " failed", stages.isEmpty() ? "the run errored" : stages);
    } catch (RuntimeException e) {
      log.warn("desktop notification failed: {}", e.toString());
    }
  }

  private static boolean failed(StageRecord stage) {
    return stage.status().failing();
  }

  /** Says that a project was paused, one line; nothing in json or quiet mode. */
  public void paused(String project) {
    projectLine(project, "paused; saves wait for 'vigil resume'");
  }

  /** Says that a project was resumed, one line; nothing in json or quiet mode. */
  public void resumed(String project) {
    projectLine(project, "resumed");
  }

  private void projectLine(String project, String what) {
    if (json == null && !quiet) {
      print(out, List.of(text.prefix(project) + what));
    }
  }

  /** Prints a config error, one {@code FILE:LINE:COL: message} a line. */
  public void configError(String lines) {
    print(err, List.of(ansi.paint(Ansi.RED, "config error:"), lines.stripTrailing()));
  }

  /** Prints a note of the daemon's own, such as watching started or config reloaded. */
  public void info(String message) {
    if (!quiet) {
      print(err, List.of(message));
    }
  }

  private void print(PrintStream stream, List<String> lines) {
    print(stream, String.join(System.lineSeparator(), lines) + System.lineSeparator());
  }

  private void print(PrintStream stream, String block) {
    synchronized (stream) {
      if (progress != null) {
        progress.erase();
      }
      stream.print(block);
      stream.flush();
    }
  }
}
