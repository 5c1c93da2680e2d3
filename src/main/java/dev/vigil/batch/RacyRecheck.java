package dev.vigil.batch;

import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads again, once the racy window has passed, the files the start-up walk found modified too
 * recently to record, and records each that has been left alone for a whole window since. A file
 * still being written waits one more window, at most {@link #MAX_ROUNDS} times; after that it stays
 * unknown, so an event for it counts as a change. Whether an event came for a file meanwhile is the
 * sink's business: such a file is its batch's, and recorded when its run starts.
 */
final class RacyRecheck {
  /** How many windows a file may go on changing before it is left unknown. */
  static final int MAX_ROUNDS = 5;

  private static final Logger log = LoggerFactory.getLogger(RacyRecheck.class);

  private final Path root;
  private final Scheduler scheduler;
  private final Executor executor;
  private final BiConsumer<String, Fingerprint> sink;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  RacyRecheck(
      Path root, Scheduler scheduler, Executor executor, BiConsumer<String, Fingerprint> sink) {
    this.root = root;
    this.scheduler = scheduler;
    this.executor = executor;
    this.sink = sink;
  }

  /** Starts the re-reads of these paths; the future completes when none is left to read. */
  CompletableFuture<Void> start(List<String> paths) {
    next(paths, 1);
    return done;
  }

  private void next(List<String> paths, int round) {
    if (paths.isEmpty()) {
      done.complete(null);
      return;
    }
    if (round > MAX_ROUNDS) {
      log.debug("{} files under {} kept changing; left unrecorded", paths.size(), root);
      done.complete(null);
      return;
    }
    Scheduler.Cancellable unused =
        scheduler.schedule(ContentBaseline.RACY_WINDOW, () -> checkOnExecutor(paths, round));
  }

  private void checkOnExecutor(List<String> paths, int round) {
    try {
      executor.execute(() -> check(paths, round));
    } catch (RejectedExecutionException e) {
      done.complete(null); // shutting down
    }
  }

  private void check(List<String> paths, int round) {
    List<String> unsettled = new ArrayList<>();
    try {
      long trustedBefore = FileReads.nanos(scheduler.now()) - ContentBaseline.RACY_WINDOW.toNanos();
      for (String path : paths) {
        if (!recordIfSettled(path, trustedBefore)) {
          unsettled.add(path);
        }
      }
    } catch (RuntimeException e) {
      log.warn("recording recently written files under {} failed: {}", root, e.toString());
      done.complete(null);
      return;
    }
    next(unsettled, round + 1);
  }

  /** Records the file if nothing wrote it for a whole window; false if it should wait. */
  private boolean recordIfSettled(String path, long trustedBeforeNanos) {
    Path file = RelativePaths.resolve(root, path);
    try {
      BasicFileAttributes attributes = FileReads.attributes(file);
      if (attributes == null || !attributes.isRegularFile()) {
        return true; // gone: nothing to record
      }
      if (FileReads.nanos(attributes.lastModifiedTime()) >= trustedBeforeNanos) {
        return false;
      }
      Fingerprint read = FileReads.readUnchanged(file, attributes);
      if (read == null) {
        return false;
      }
      sink.accept(path, read);
      return true;
    } catch (IOException e) {
      return true; // unreadable: left unknown, so an event for it counts as a change
    }
  }
}
