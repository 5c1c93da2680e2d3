package dev.vigil.process;

import java.io.IOException;
import java.io.InputStream;

/** Reads one output stream of a process to its end and hands its lines to the merged output. */
final class OutputPump implements Runnable {
  /** A whole pipe's worth: a flood is read (and the log flushed) in as few calls as it can be. */
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final OutputLine.Stream stream;
  private final MergedOutput output;

  OutputPump(InputStream in, OutputLine.Stream stream, MergedOutput output) {
    this.in = in;
    this.stream = stream;
    this.output = output;
  }

  @Override
  public void run() {
    LineSplitter splitter = new LineSplitter(stream, output::lines);
    byte[] buf = new byte[CHUNK];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        output.countBytes(n);
        splitter.feed(buf, 0, n);
        output.flush(); // what was read is in the log now: a running stage's log can be followed
      }
    } catch (IOException e) {
      // The stream was closed under us: what was read so far is all there is.
    } finally {
      splitter.finish();
    }
  }
}
