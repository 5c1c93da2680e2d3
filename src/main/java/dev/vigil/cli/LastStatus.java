package dev.vigil.cli;

import dev.vigil.report.DaemonState;
import dev.vigil.report.DaemonStatus;
import dev.vigil.report.ProjectState;
import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusSnapshot;
import java.time.Instant;

/**
 * The status.json that a daemon no longer answering left behind, as {@code vigil status} tells it:
 * how the daemon ended, and its projects as stopped with their last runs, since nothing watches
 * them now.
 *
 * @param note the line about the daemon
 * @param status the snapshot to show
 */
record LastStatus(String note, StatusSnapshot status) {
  static LastStatus of(StatusSnapshot file, Instant written) {
    DaemonStatus daemon = file.daemon();
    if (daemon != null && daemon.state() == DaemonState.STOPPED) {
      return new LastStatus("daemon: not running (stopped at " + written + ")", stopped(file));
    }
    if (daemon != null
        && ProcessHandle.of(daemon.pid()).map(ProcessHandle::isAlive).orElse(false)) {
      return new LastStatus(
          "daemon: pid "
              + daemon.pid()
              + " does not answer on its API; its last status, from "
              + written
              + ":",
          file);
    }
    return new LastStatus(
        "daemon: not running (it did not stop cleanly; last status from " + written + ")",
        stopped(file));
  }

  private static StatusSnapshot stopped(StatusSnapshot file) {
    return new StatusSnapshot(
        file.schema(),
        file.daemon(),
        file.projects().stream()
            .map(
                p ->
                    new ProjectStatus(
                        p.name(),
                        p.root(),
                        ProjectState.STOPPED,
                        p.pendingChanges(),
                        p.stale(),
                        p.lastRun()))
            .toList());
  }
}
