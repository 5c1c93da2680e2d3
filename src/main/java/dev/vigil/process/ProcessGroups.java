package dev.vigil.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads process group membership from /proc, where there is one (Linux). */
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

  private static boolean isPid(Path dir) {
    String name = dir.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  private static boolean inGroupAndLive(Path dir, long pgid) {
    String stat;
    try {
      stat = Files.readString(dir.resolve("stat"));
    } catch (IOException e) {
      return false; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return false;
    }
    String[] fields = stat.substring(close + 1).trim().split(" ");
    if (fields.length < 3) {
      return false;
    }
    boolean zombie = fields[0].equals("Z") || fields[0].equals("X");
    return !zombie && fields[2].equals(Long.toString(pgid));
  }
}
