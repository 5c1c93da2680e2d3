package dev.vigil.service;

import java.time.Duration;
import java.util.List;

/** Runs the service manager's tools ({@code systemctl}, {@code launchctl}, {@code id}). */
public interface ServiceManager {
  /** Whether a program of that name is on the PATH. */
  boolean has(String program);

  /** Runs a command and waits at most {@code timeout}; never throws for a failing command. */
  Result run(List<String> command, Duration timeout);

  /**
   * How a command ended.
   *
   * @param exitCode its exit code; -1 when it timed out or could not start
   * @param output its standard output and error, merged and trimmed
   */
  record Result(int exitCode, String output) {
    /** Whether the command exited with 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    /** The first line of the output. */
    public String firstLine() {
      int newline = output.indexOf('\n');
      return newline < 0 ? output : output.substring(0, newline);
    }
  }
}
