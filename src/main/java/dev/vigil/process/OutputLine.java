package dev.vigil.process;

/**
 * One line of a command's output, tagged with the stream it came from.
 *
 * @param stream where it was written
 * @param text the line, without its terminator
 */
public record OutputLine(Stream stream, String text) {
  /** The two output streams of a process. */
  public enum Stream {
    STDOUT,
    STDERR
  }
}
