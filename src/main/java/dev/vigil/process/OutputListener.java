package dev.vigil.process;

import java.util.function.Consumer;

/** Hears a command's output as it comes, a read's whole lines at a time. */
@FunctionalInterface
public interface OutputListener {
  /** Takes the next lines; called on a reader thread, one call at a time, in order. */
  void lines(OutputLines lines);

  /** A listener that takes each line, decoded. */
  static OutputListener eachLine(Consumer<OutputLine> each) {
    return lines -> lines.forEach(each);
  }
}
