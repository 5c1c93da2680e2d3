package dev.vigil.watch;

import dev.vigil.files.RawNames;
import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds changes by walking the tree (ignored directories pruned) at a fixed interval and comparing
 * size and modification time with the previous walk. Used where inotify cannot be. Names keep their
 * bytes ({@link RawNames}), so a name that is not UTF-8 is reported as the file it is.
 */
final class PollingScanner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PollingScanner.class);

  private final Path root;
  private final WatchFilter filter;
  private final Consumer<FileEvent> events;
  private final Runnable rootGone;
  private final Scheduler scheduler;
  private final Duration interval;
  private final Executor executor;

  private Snapshot last = Snapshot.EMPTY;
  private Scheduler.Cancellable next;
  private boolean closed;

  /**
   * @param rootGone called (once, and scanning stops) when the root no longer exists
   * @param executor where the walks run, so they never hold up the scheduler's thread
   */
  PollingScanner(
      Path root,
      WatchFilter filter,
      Consumer<FileEvent> events,
      Runnable rootGone,
      Scheduler scheduler,
      Duration interval,
      Executor executor) {
    this.root = root;
    this.filter = filter;
    this.events = events;
    this.rootGone = rootGone;
    this.scheduler = scheduler;
    this.interval = interval;
    this.executor = executor;
  }

  /** Takes the baseline snapshot now (no events for it) and schedules the periodic scans. */
  synchronized void start() throws IOException {
    last = walk();
    scheduleNext();
  }

  /**
   * Walks the tree now and reports what changed since the previous walk. The listeners are told
   * after the scanner's lock is let go, so they may call back into it from any thread.
   */
  void scanNow() {
    List<FileEvent> found = new ArrayList<>();
    boolean gone = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        Snapshot now = walk();
        last.diff(now, root, found::add);
        last = now;
      } catch (NoSuchFileException e) {
        log.info("{} is gone; polling stops", root);
        close();
        gone = true;
      } catch (IOException e) {
        log.warn("scanning {} failed, will retry: {}", root, e.toString());
      }
    }
    found.forEach(events);
    if (gone) {
      rootGone.run();
    }
  }

  /**
   * Stops scanning and reports, one last time, what changed since the previous walk: called once
   * kernel events took over, so that nothing changed in between is lost.
   */
  void handOver() {
    List<FileEvent> found = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      close();
      try {
        Snapshot now = walk();
        last.diff(now, root, found::add);
        last = now;
      } catch (IOException e) {
        log.debug("last scan of {} before events took over failed: {}", root, e.toString());
      }
    }
    found.forEach(events);
  }

  /** How many files and directories the last walk saw. */
  synchronized int size() {
    return last.paths.length;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel();
    }
  }

  private void scheduleNext() {
    next = scheduler.schedule(interval, this::tick);
  }

  private void tick() {
    try {
      executor.execute(
          () -> {
            scanNow();
            synchronized (this) {
              if (!closed) {
                scheduleNext();
              }
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("polling of {} stopped: executor shut down", root);
    }
  }

  private Snapshot walk() throws IOException {
    Map<String, long[]> entries = new TreeMap<>();
    PruningTreeVisitor.walk(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            if (filter.ignored(dir, true)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            entries.put(RawNames.slashed(root.relativize(dir)), new long[] {-1, 0});
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!filter.ignored(file, false)) {
              long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
              entries.put(
                  RawNames.slashed(root.relativize(file)), new long[] {attrs.size(), mtime});
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(root)) {
              throw e;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return Snapshot.of(entries);
  }

  /**
   * Sorted relative paths ({@link RawNames#slashed}) with size (-1 for a directory) and mtime, in
   * flat arrays.
   */
  private static final class Snapshot {
    static final Snapshot EMPTY = new Snapshot(new String[0], new long[0], new long[0]);

    final String[] paths;
    final long[] sizes;
    final long[] mtimes;

    private Snapshot(String[] paths, long[] sizes, long[] mtimes) {
      this.paths = paths;
      this.sizes = sizes;
      this.mtimes = mtimes;
    }

    static Snapshot of(Map<String, long[]> sorted) {
      int n = sorted.size();
      String[] paths = new String[n];
      long[] sizes = new long[n];
      long[] mtimes = new long[n];
      int i = 0;
      for (Map.Entry<String, long[]> e : sorted.entrySet()) {
        paths[i] = e.getKey();
        sizes[i] = e.getValue()[0];
        mtimes[i] = e.getValue()[1];
        i++;
      }
      return new Snapshot(paths, sizes, mtimes);
    }

    void diff(Snapshot now, Path root, Consumer<FileEvent> out) {
      int i = 0;
      int j = 0;
      while (i < paths.length || j < now.paths.length) {
        int c =
            i == paths.length ? 1 : j == now.paths.length ? -1 : paths[i].compareTo(now.paths[j]);
        if (c < 0) {
          out.accept(event(FileEvent.Kind.DELETED, root, paths[i], sizes[i] < 0));
          i++;
        } else if (c > 0) {
          out.accept(event(FileEvent.Kind.CREATED, root, now.paths[j], now.sizes[j] < 0));
          j++;
        } else {
          boolean wasDir = sizes[i] < 0;
          boolean isDir = now.sizes[j] < 0;
          if (wasDir != isDir) {
            out.accept(event(FileEvent.Kind.DELETED, root, paths[i], wasDir));
            out.accept(event(FileEvent.Kind.CREATED, root, now.paths[j], isDir));
          } else if (!isDir && (sizes[i] != now.sizes[j] || mtimes[i] != now.mtimes[j])) {
            out.accept(event(FileEvent.Kind.MODIFIED, root, now.paths[j], false));
          }
          i++;
          j++;
        }
      }
    }

    private static FileEvent event(FileEvent.Kind kind, Path root, String relative, boolean dir) {
      return new FileEvent(kind, RawNames.resolve(root, relative), dir);
    }
  }
}
