package dev.vigil.daemon;

import dev.vigil.report.DaemonStatus;
import dev.vigil.report.ProjectStatus;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps status.json in step with the daemon: every change marks it dirty, and one writer thread
 * replaces the file with the latest picture {@link #SETTLE} later, so a burst of changes costs one
 * write, never a stale one, and the write stays clear of the moment a batch closes and its stages
 * are started.
 */
final class StatusBoard implements AutoCloseable {
  /** How long after a change status.json is rewritten. */
  static final Duration SETTLE = Duration.ofMillis(10);

  private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

  private final StatusFileWriter writer;
  private final Supplier<DaemonStatus> daemon;
  private final Supplier<List<ProjectStatus>> projects;
  private final Scheduler scheduler;
  private final ExecutorService thread;
  private final AtomicBoolean dirty = new AtomicBoolean();

  /** Whether the last write failed; guarded by this board's lock. */
  private boolean failing;

  StatusBoard(
      StatusFileWriter writer,
      Supplier<DaemonStatus> daemon,
      Supplier<List<ProjectStatus>> projects,
      Scheduler scheduler) {
    this.scheduler = scheduler;
    this.writer = writer;
    this.daemon = daemon;
    this.projects = projects;
    this.thread = NamedThreads.singleThread("vigil-status");
  }

  /** The current picture. */
  StatusSnapshot snapshot() {
    return new StatusSnapshot(1, daemon.get(), projects.get());
  }

  /** Something changed: status.json will be rewritten {@link #SETTLE} from now. */
  void changed() {
    if (dirty.compareAndSet(false, true)) {
      try {
        Scheduler.Cancellable unused = scheduler.schedule(SETTLE, this::writeSoon);
      } catch (RuntimeException closing) {
        dirty.set(false);
      }
    }
  }

  /** Hands the write to the writer thread: the scheduler's thread runs timers, not file writes. */
  private void writeSoon() {
    try {
      thread.execute(this::flush);
    } catch (RejectedExecutionException closing) {
      dirty.set(false);
    }
  }

  /**
   * Writes the current picture now, on the caller's thread. A write that fails (a full or read-only
   * state dir) is said once, and once more when a later write works again.
   */
  synchronized void writeNow() {
    dirty.set(false);
    try {
      writer.write(snapshot());
      if (failing) {
        failing = false;
        log.info("{} is written again", writer.file());
      }
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn(
            "could not write {}: {}; tried again at each change, said again once it works",
            writer.file(),
            e.toString());
      } else {
        log.debug("still cannot write {}: {}", writer.file(), e.toString());
      }
    }
  }

  private void flush() {
    if (dirty.get()) {
      writeNow();
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    NamedThreads.awaitQuietly(thread);
  }
}
