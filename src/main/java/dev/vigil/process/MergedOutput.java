package dev.vigil.process;

import dev.vigil.threads.OrderedHandOff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place both output readers deliver to, a read's whole lines at a time: it keeps the tail,
 * writes the log (in one write for all the lines) and passes the lines on to the listener, so they
 * all see the same order. The listener is called with no lock held, so it may wait for a thread
 * that adds a note.
 */
final class MergedOutput {
  private static final Logger LOG = LoggerFactory.getLogger(MergedOutput.class);

  private final OutputTail tail = new OutputTail(CommandOutput.TAIL_LIMIT_BYTES);
  private final OutputListener listener;
  private final OrderedHandOff<OutputLines> delivery = new OrderedHandOff<>(this::deliver);
  private final Path logPath;
  private BoundedLogWriter log;
  private long totalBytes;
  private boolean listenerFailed;
  private boolean detached;

  MergedOutput(OutputListener listener, Path logPath, BoundedLogWriter log) {
    this.listener = listener;
    this.logPath = logPath;
    this.log = log;
  }

  synchronized void countBytes(int n) {
    if (!detached) {
      totalBytes += n;
    }
  }

  /**
   * Takes no more lines from the readers: what a process left running writes later is not the
   * command's output any more.
   */
  synchronized void detach() {
    detached = true;
  }

  void lines(OutputLines lines) {
    synchronized (this) {
      if (detached) {
        return;
      }
      add(lines);
    }
    delivery.handOn();
  }

  /** Adds a line of vigil's own to the output, tagged as stderr. */
  void note(String text) {
    synchronized (this) {
      add(OutputLines.of(OutputLine.Stream.STDERR, text));
    }
    delivery.handOn();
  }

  private void add(OutputLines lines) {
    tail.add(lines);
    writeLog(lines.raw(), 0, lines.rawLength());
    delivery.add(lines);
  }

  /** Hands the log's buffered lines to the file, so that a reader of the log sees them now. */
  void flush() {
    synchronized (this) {
      if (log == null) {
        return;
      }
      try {
        log.flush();
      } catch (IOException e) {
        writeFailed(e);
      }
    }
    delivery.handOn(); // the line saying the log could not be written, if it came to that
  }

  /** Closes the log; the output is complete. */
  synchronized void finish() {
    if (log == null) {
      return;
    }
    try {
      log.close();
    } catch (IOException e) {
      LOG.warn("Could not finish the log {}: {}", logPath, e.toString());
    }
    log = null;
  }

  synchronized List<OutputLine> tail() {
    return tail.lines();
  }

  synchronized long totalBytes() {
    return totalBytes;
  }

  private void writeLog(byte[] raw, int offset, int length) {
    if (log == null || length == 0) {
      return;
    }
    try {
      log.write(raw, offset, length);
    } catch (IOException e) {
      writeFailed(e);
    }
  }

  private void writeFailed(IOException e) {
    BoundedLogWriter failed = log;
    log = null;
    try {
      failed.close();
    } catch (IOException suppressed) {
      e.addSuppressed(suppressed);
    }
    String message = "vigil: cannot write log " + logPath + ": " + e.getMessage();
    LOG.warn(message);
    OutputLines line = OutputLines.of(OutputLine.Stream.STDERR, message);
    tail.add(line);
    delivery.add(line);
  }

  private void deliver(OutputLines lines) {
    try {
      listener.lines(lines);
    } catch (RuntimeException e) {
      if (!listenerFailed) {
        listenerFailed = true;
        LOG.warn("An output listener failed; its later failures are not reported", e);
      }
    }
  }
}
