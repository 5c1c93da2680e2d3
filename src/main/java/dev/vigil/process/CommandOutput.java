package dev.vigil.process;

import java.time.Duration;
import java.util.List;

/**
 * What came of running a command.
 *
 * @param outcome how it ended
 * @param duration from start to the end of its output
 * @param tail the last lines of merged output, at most {@link #TAIL_LIMIT_BYTES} in all as text
 *     (newlines included)
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

  /** The tail as text, each line ended by a newline: at most {@link #TAIL_LIMIT_BYTES} of UTF-8. */
  public String tailText() {
    return text(tail);
  }

  /**
   * The tail as text with one more line of vigil's own at its end, earlier lines dropped as needed
   * to stay within {@link #TAIL_LIMIT_BYTES}.
   */
  public String tailText(String lastLine) {
    TailBuffer buffer = new TailBuffer(TAIL_LIMIT_BYTES);
    tail.forEach(buffer::add);
    buffer.add(new OutputLine(OutputLine.Stream.STDERR, lastLine));
    return text(buffer.lines());
  }

  private static String text(List<OutputLine> lines) {
    StringBuilder sb = new StringBuilder();
    for (OutputLine line : lines) {
      sb.append(line.text()).append('\n');
    }
    return sb.toString();
  }
}
