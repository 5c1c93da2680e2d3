package dev.vigil.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
  private static final int STAT_PREFIX = 128;

  private ProcessGroups() {}

  /**
   * The live (not zombie) processes of the group; empty without /proc. It reads every process's
   * stat file, after every stage, so it reads only the first bytes of each into one buffer and
   * compares bytes: a desktop runs hundreds of processes.
   */
  static List<ProcessHandle> members(long pgid) {
    List<ProcessHandle> members = new ArrayList<>();
    String[] names = PROC.toFile().list();
    if (names == null) {
      return members;
    }
    byte[] group = Long.toString(pgid).getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[STAT_PREFIX];
    for (String name : names) {
      if (isPid(name) && inGroupAndLive(name, group, buffer)) {
        ProcessHandle.of(Long.parseLong(name)).ifPresent(members::add);
      }
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

  private static boolean isPid(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether /proc/NAME/stat, "pid (comm) state ppid pgrp ...", shows a process that is not a zombie
   * in the group. The command name may hold spaces and parentheses but is at most 15 bytes, so the
   * fields up to pgrp are in the first bytes, after the last ')' there.
   */
  private static boolean inGroupAndLive(String name, byte[] group, byte[] buffer) {
    int n = 0;
    try (FileInputStream in = new FileInputStream("/proc/" + name + "/stat")) {
      for (int r; n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) > 0; ) {
        n += r;
      }
    } catch (IOException e) {
      return false; // gone meanwhile
    }
    int close = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (buffer[i] == ')') {
        close = i;
        break;
      }
    }
    // ") S ppid pgrp ": the state at close + 2, then two fields separated by single spaces.
    int state = close + 2;
    if (close < 0 || state >= n || buffer[state] == 'Z' || buffer[state] == 'X') {
      return false;
    }
    int pgrp = state + 2;
    while (pgrp < n && buffer[pgrp] != ' ') {
      pgrp++;
    }
    pgrp++;
    if (pgrp + group.length >= n || buffer[pgrp + group.length] != ' ') {
      return false;
    }
    for (int i = 0; i < group.length; i++) {
      if (buffer[pgrp + i] != group[i]) {
        return false;
      }
    }
    return true;
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
