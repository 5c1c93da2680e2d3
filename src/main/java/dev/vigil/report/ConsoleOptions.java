package dev.vigil.report;

import dev.vigil.time.Scheduler;
import java.util.Optional;

/**
 * How a console for people behaves.
 *
 * @param tty standard output is a terminal: colour, the live progress line and {@code clear} work
 * @param quiet print only failed stages (tail, log, diagnostics) and each run's result line
 * @param clear clear the screen before each run starts (on a terminal only)
 * @param progress the clock of the live progress line; empty for no progress line
 * @param notifier told of every failed run
 */
public record ConsoleOptions(
    boolean tty, boolean quiet, boolean clear, Optional<Scheduler> progress, Notifier notifier) {
  /** Colour on a terminal and nothing else. */
  public static ConsoleOptions plain(boolean tty) {
    return new ConsoleOptions(tty, false, false, Optional.empty(), Notifier.NONE);
  }
}
