package dev.vigil.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process told apart from any later one that gets its pid: the pid with the process's start time
 * (on Linux field 22 of {@code /proc/PID/stat}, in clock ticks since boot; elsewhere the start
 * instant the system reports, as {@code ps -o lstart=} shows it).
 *
 * @param pid the process id
 * @param started its start time, in a form that only equality compares
 */
public record ProcessStamp(long pid, String started) {
  private static final Path PROC = Path.of("/proc");
  private static final int START_TIME_AFTER_COMM = 19; // field 22, counted after "pid (comm)"

  /** This JVM. */
  public static ProcessStamp self() {
    return of(ProcessHandle.current().pid())
        .orElse(new ProcessStamp(ProcessHandle.current().pid(), ""));
  }

  /** The process that has this pid now, if one does and its start time can be read. */
  public static Optional<ProcessStamp> of(long pid) {
    return startTime(pid).map(started -> new ProcessStamp(pid, started));
  }

  /**
   * Whether this very process still runs (not another one that got its pid since). A process that
   * has exited but whose parent has not reaped it yet (a zombie, as a daemon killed with kill -9 is
   * for a moment, or for good under a parent that never waits) keeps its /proc entry and start
   * time, and is dead all the same.
   */
  public boolean alive() {
    return !exited(pid) && of(pid).map(this::equals).orElse(false);
  }

  /** Whether some process holds this pid now, whichever it is. */
  boolean pidInUse() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Whether /proc shows the process as a zombie or dead; false where it cannot say. */
  private static boolean exited(long pid) {
    try {
      String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      String state = text.substring(text.lastIndexOf(')') + 1).trim();
      return state.startsWith("Z") || state.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return false; // no /proc, or no such process: of() answers
    }
  }

  private static Optional<String> startTime(long pid) {
    Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
    if (Files.isDirectory(PROC)) {
      try {
        String text = Files.readString(stat);
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        String[] fields = text.substring(text.lastIndexOf(')') + 1).trim().split(" ");
        return fields.length > START_TIME_AFTER_COMM
            ? Optional.of(fields[START_TIME_AFTER_COMM])
            : Optional.empty();
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // no such process (any more)
      }
    }
    return ProcessHandle.of(pid)
        .flatMap(handle -> handle.info().startInstant())
        .map(Object::toString);
  }
}
