package dev.vigil.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads process state from /proc, where there is one (Linux): group membership, and whether a
 * process still runs (a zombie waiting to be reaped does not).
 */
final class ProcessGroups {
  private static final Path PROC = Path.of("/proc");

  private ProcessGroups() {}

  /** The live (not zombie) processes of the group; empty without /proc. */
  static List<ProcessHandle> members(long pgid) {
    List<ProcessHandle> members = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return members;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcessGroups::isPid)) {
      for (Path dir : dirs) {
        if (inGroupAndLive(dir, pgid)) {
          ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(members::add);
        }
      }
    } catch (IOException e) {
      // /proc could not be listed: report no members; signals to known handles still go out.
    }
    return members;
  }

  /** Whether the process runs: alive to Java and, where /proc tells, not a zombie. */
  static boolean running(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    String[] fields = statFields(PROC.resolve(Long.toString(handle.pid())));
    return fields == null ? !Files.isDirectory(PROC) : !isZombie(fields);
  }

  private static boolean isPid(Path dir) {
    String name = dir.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  private static boolean inGroupAndLive(Path dir, long pgid) {
    String[] fields = statFields(dir);
    return fields != null && !isZombie(fields) && fields[2].equals(Long.toString(pgid));
  }

  private static boolean isZombie(String[] fields) {
    return fields[0].equals("Z") || fields[0].equals("X");
  }

  /** The fields after the command name: state, ppid, pgrp, ...; null when unreadable. */
  private static String[] statFields(Path dir) {
    String stat;
    try {
      stat = Files.readString(dir.resolve("stat"));
    } catch (IOException e) {
      return null; // gone meanwhile, or no /proc
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return null;
    }
    String[] fields = stat.substring(close + 1).trim().split(" ");
    return fields.length < 3 ? null : fields;
  }
}
