package dev.vigil.process;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Signals a whole process tree: the root, every descendant, and, when the root leads its own
 * process group, every member of that group (which catches children already reparented away).
 */
final class ProcessTreeKiller {
  private static final File DEV_NULL = new File("/dev/null");
  private static final Duration SIGNAL_WAIT = Duration.ofSeconds(5);

  private final boolean ownGroup;

  /**
   * @param ownGroup whether each root was started as the leader of its own process group
   */
  ProcessTreeKiller(boolean ownGroup) {
    this.ownGroup = ownGroup;
  }

  /** Collects the tree first, then sends SIGTERM to all of it; returns what it collected. */
  Set<ProcessHandle> terminate(ProcessHandle root) {
    Set<ProcessHandle> members = collect(root);
    signalGroup(root, "TERM");
    members.forEach(ProcessHandle::destroy);
    return members;
  }

  /** Sends SIGKILL to what is alive of the tree, including members seen earlier. */
  void kill(ProcessHandle root, Set<ProcessHandle> seen) {
    Set<ProcessHandle> members = collect(root);
    members.addAll(seen);
    signalGroup(root, "KILL");
    members.forEach(ProcessHandle::destroyForcibly);
  }

  /** Whether any part of the tree still runs (zombies do not count). */
  boolean anyAlive(ProcessHandle root, Set<ProcessHandle> seen) {
    return ProcessGroups.running(root)
        || seen.stream().anyMatch(ProcessGroups::running)
        || (ownGroup && !ProcessGroups.members(root.pid()).isEmpty());
  }

  /** Whether the root's own process group still has a running member (false without one). */
  boolean groupAlive(ProcessHandle root) {
    return groupSize(root) > 0;
  }

  /** How many running processes the root's own process group has (0 without one). */
  int groupSize(ProcessHandle root) {
    return ownGroup ? ProcessGroups.members(root.pid()).size() : 0;
  }

  /** Whether each root leads its own process group, so its leftovers can be found. */
  boolean ownGroup() {
    return ownGroup;
  }

  private Set<ProcessHandle> collect(ProcessHandle root) {
    Set<ProcessHandle> members = new LinkedHashSet<>();
    members.add(root);
    root.descendants().forEach(members::add);
    if (ownGroup) {
      members.addAll(ProcessGroups.members(root.pid()));
    }
    return members;
  }

  private void signalGroup(ProcessHandle root, String signal) {
    if (!ownGroup || (!root.isAlive() && ProcessGroups.members(root.pid()).isEmpty())) {
      return;
    }
    ProcessBuilder pb =
        new ProcessBuilder("sh", "-c", "kill -s " + signal + " -- -" + root.pid() + " 2>/dev/null")
            .redirectInput(DEV_NULL)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process kill = pb.start();
      if (!kill.waitFor(SIGNAL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // Without a shell to send the group signal, the per-process signals still go out.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
