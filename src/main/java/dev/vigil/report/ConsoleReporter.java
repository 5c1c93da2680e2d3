package dev.vigil.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints runs as they go: for people (a line per stage, failures with their output tail and log
 * path, colour only on a terminal), or as one JSON run record a line. Safe to call from several
 * threads: the lines of one call are never split by another's.
 */
public final class ConsoleReporter {
  private final PrintStream out;
  private final PrintStream err;
  private final RunText text;
  private final Ansi ansi;
  private final Json json;

  private ConsoleReporter(PrintStream out, PrintStream err, Path stateDir, boolean tty, Json json) {
    this.out = out;
    this.err = err;
    this.ansi = new Ansi(tty);
    this.text = new RunText(stateDir, ansi);
    this.json = json;
  }

  /**
   * A reporter for people; {@code tty} turns colour on (the cli passes whether {@code
   * System.console()} is there), and log paths are shown under {@code stateDir}.
   */
  public static ConsoleReporter human(PrintStream out, Path stateDir, boolean tty) {
    return new ConsoleReporter(out, out, stateDir, tty, null);
  }

  /**
   * A reporter that prints each finished run as one JSON line on {@code out} and nothing else
   * there; config errors and notes go to {@code err} as plain text.
   */
  public static ConsoleReporter json(PrintStream out, PrintStream err, Json json) {
    return new ConsoleReporter(out, err, Path.of(""), false, json);
  }

  /** Says why a run starts; for an {@code after} run, see {@link #afterRunStarted}. */
  public void runStarted(RunRecord queued) {
    afterRunStarted(queued, null);
  }

  /** Says a run starts because {@code upstream}'s pipeline passed. */
  public void afterRunStarted(RunRecord queued, String upstream) {
    if (json == null) {
      print(out, List.of(text.started(queued, upstream)));
    }
  }

  /** Prints how one stage went, with the output tail and log path when it failed or timed out. */
  public void stageFinished(String project, StageRecord stage) {
    if (json == null) {
      print(out, text.stage(project, stage));
    }
  }

  /** Prints the run's result and total time, or its JSON line in json mode. */
  public void runFinished(RunRecord run) {
    print(out, List.of(json == null ? text.finished(run) : json.write(run)));
  }

  /** Prints a config error, one {@code FILE:LINE:COL: message} a line. */
  public void configError(String lines) {
    print(err, List.of(ansi.paint(Ansi.RED, "config error:"), lines.stripTrailing()));
  }

  /** Prints a note of the daemon's own, such as watching started or config reloaded. */
  public void info(String message) {
    print(err, List.of(message));
  }

  private static void print(PrintStream stream, List<String> lines) {
    String block = String.join(System.lineSeparator(), lines) + System.lineSeparator();
    synchronized (stream) {
      stream.print(block);
      stream.flush();
    }
  }
}
