package dev.vigil.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends what a killed vigil left running: for each command in the {@link ProcessLedger} whose vigil
 * is gone, SIGTERM to its leader (when it is still the same process, by its start time) and to
 * every process of its group and tree, then SIGKILL after the command's kill grace. A pid that now
 * belongs to another process is left alone.
 */
public final class LeftoverGroups {
  private static final long POLL_MILLIS = 20;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private LeftoverGroups() {}

  /**
   * What was found of one abandoned command.
   *
   * @param entry the command as the ledger holds it
   * @param ended how many of its processes were still running and were ended
   */
  public record Ended(ProcessLedger.Entry entry, int ended) {}

  /** Ends what the ledger's abandoned commands left, forgets them, and tells what it found. */
  public static List<Ended> endAbandoned(ProcessLedger ledger) {
    List<Ended> found = new ArrayList<>();
    for (ProcessLedger.Entry entry : ledger.abandoned()) {
      found.add(new Ended(entry, end(entry)));
      ledger.forget(entry);
    }
    return found;
  }

  /** Ends the command's processes; returns how many were running. */
  static int end(ProcessLedger.Entry entry) {
    Set<ProcessHandle> members = members(entry);
    if (members.isEmpty()) {
      return 0;
    }
    int count = members.size();
    members.forEach(ProcessHandle::destroy);
    long graceEnd = System.nanoTime() + Duration.ofMillis(entry.graceMs()).toNanos();
    while (System.nanoTime() < graceEnd && !(members = stillRunning(entry, members)).isEmpty()) {
      pause();
      members.forEach(ProcessHandle::destroy); // children forked meanwhile
    }
    long killEnd = System.nanoTime() + KILL_WAIT.toNanos();
    while (System.nanoTime() < killEnd && !(members = stillRunning(entry, members)).isEmpty()) {
      members.forEach(ProcessHandle::destroyForcibly);
      pause();
    }
    return count;
  }

  /**
   * The leader, if it is the recorded process, its descendants, and the running members of its
   * group. Members are found by the group id only while the leader is that process or no process
   * has its pid: a process group's id is not given to a new process while any member lives, so they
   * are the command's own.
   */
  private static Set<ProcessHandle> members(ProcessLedger.Entry entry) {
    Set<ProcessHandle> members = new LinkedHashSet<>();
    ProcessStamp leader = entry.leader();
    boolean same = leader.alive();
    if (same) {
      Optional<ProcessHandle> handle = ProcessHandle.of(leader.pid());
      handle.ifPresent(
          h -> {
            members.add(h);
            h.descendants().forEach(members::add);
          });
    }
    if (entry.group() && (same || !leader.pidInUse())) {
      members.addAll(ProcessGroups.members(leader.pid()));
    }
    members.removeIf(h -> !ProcessGroups.running(h));
    return members;
  }

  private static Set<ProcessHandle> stillRunning(
      ProcessLedger.Entry entry, Set<ProcessHandle> before) {
    Set<ProcessHandle> now = new LinkedHashSet<>();
    before.stream().filter(ProcessGroups::running).forEach(now::add);
    if (entry.group()) {
      ProcessGroups.members(entry.leader().pid()).forEach(now::add);
    }
    return now;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
