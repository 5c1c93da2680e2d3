package dev.vigil.process;

import java.time.Duration;
import java.util.List;

/**
 * What came of running a command.
 *
 * @param outcome how it ended
 * @param duration from start to the end of its output
 * @param tail the last lines of merged output, at most {@link #TAIL_LIMIT_BYTES} in all
 * @param totalBytes bytes of output the command wrote
 * @param leftBehind processes the command left running when its main process exited that were still
 *     running a kill grace later and were ended
 */
public record CommandOutput(
    Outcome outcome, Duration duration, List<OutputLine> tail, long totalBytes, int leftBehind) {
  public static final int TAIL_LIMIT_BYTES = 64 * 1024;

  /** An output with nothing left behind. */
  public CommandOutput(Outcome outcome, Duration duration, List<OutputLine> tail, long totalBytes) {
    this(outcome, duration, tail, totalBytes, 0);
  }

  public CommandOutput {
    tail = List.copyOf(tail);
  }

  /** The exit code, or -1 when the process did not exit by itself. */
  public int exitCode() {
    return outcome instanceof Outcome.Exited e ? e.code() : -1;
  }

  public boolean timedOut() {
    return outcome instanceof Outcome.TimedOut;
  }

  public boolean cancelled() {
    return outcome instanceof Outcome.Cancelled;
  }

  /** The tail as text, one line per line. */
  public String tailText() {
    StringBuilder sb = new StringBuilder();
    for (OutputLine line : tail) {
      sb.append(line.text()).append('\n');
    }
    return sb.toString();
  }
}
