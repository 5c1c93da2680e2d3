package dev.vigil.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    byte[] buffer = new byte[STAT_PREFIX];
    int state = state(Long.toString(handle.pid()), buffer);
    return state < 0 ? !Files.isDirectory(PROC) : !zombie(buffer[state]);
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

  /** Whether /proc/NAME/stat shows a process that is not a zombie in the group. */
  private static boolean inGroupAndLive(String name, byte[] group, byte[] buffer) {
    int state = state(name, buffer);
    if (state < 0 || zombie(buffer[state])) {
      return false;
    }
    // "S ppid pgrp ": two fields after the state, separated by single spaces.
    int pgrp = state + 2;
    while (pgrp < buffer.length && buffer[pgrp] != ' ') {
      pgrp++;
    }
    pgrp++;
    if (pgrp + group.length >= buffer.length || buffer[pgrp + group.length] != ' ') {
      return false;
    }
    for (int i = 0; i < group.length; i++) {
      if (buffer[pgrp + i] != group[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the first bytes of /proc/PID/stat, "pid (comm) state ppid pgrp ...", into {@code buffer}
   * (the bytes past what was read are zero) and returns where the state is, or -1 when the file
   * cannot be read (gone meanwhile, or no /proc). The command name may hold spaces and parentheses
   * but is at most 15 bytes, so the fields up to pgrp are in the first bytes, after the last ')'.
   */
  private static int state(String pid, byte[] buffer) {
    int n = 0;
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      for (int r; n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) > 0; ) {
        n += r;
      }
    } catch (IOException e) {
      return -1;
    }
    Arrays.fill(buffer, n, buffer.length, (byte) 0);
    for (int i = n - 1; i >= 0; i--) {
      if (buffer[i] == ')') {
        return i + 2 < n ? i + 2 : -1;
      }
    }
    return -1;
  }

  private static boolean zombie(byte state) {
    return state == 'Z' || state == 'X';
  }
}
