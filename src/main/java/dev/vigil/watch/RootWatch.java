package dev.vigil.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears at once when a project root is deleted, moved away, replaced or created, from kernel events
 * on the nearest directory above it that exists (that directory alone, not its tree): the root's
 * parent while the root is there, a directory further up while the root and some of its parents are
 * gone, following the path down again as it is recreated. The root's own watch is not enough: while
 * any process has the root open or as its working directory (a shell, an editor, the daemon
 * itself), the kernel tells the root's own watch nothing when it is removed. One thread waits for
 * the events; each that concerns the root calls {@code changed}, which decides by looking.
 */
final class RootWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RootWatch.class);

  private final Path root;
  private final WatchService service;
  private final Runnable changed;
  private final Consumer<IOException> failed;
  private Path watched; // touched by one thread at a time: the opener, then the event thread
  private WatchKey key;
  private volatile boolean closed;

  private RootWatch(
      Path root, WatchService service, Runnable changed, Consumer<IOException> failed) {
    this.root = root;
    this.service = service;
    this.changed = changed;
    this.failed = failed;
  }

  /**
   * Starts watching above {@code root} (absolute, normalized), the waiting done on {@code
   * executor}.
   *
   * @param changed called whenever the root may have appeared, gone or been replaced
   * @param failed called once if the watch cannot follow the path any more; nothing is heard after
   * @throws IOException if the root has no parent or no watch can be registered
   */
  static RootWatch open(
      Path root, Runnable changed, Consumer<IOException> failed, Executor executor)
      throws IOException {
    if (root.getParent() == null) {
      throw new IOException(root + " has no parent directory to watch");
    }
    RootWatch watch = new RootWatch(root, root.getFileSystem().newWatchService(), changed, failed);
    try {
      watch.follow();
      executor.execute(watch::run);
    } catch (IOException | RuntimeException e) {
      watch.close();
      throw e;
    }
    return watch;
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      log.debug("closing the watch above {} failed: {}", root, e.toString());
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey signalled = service.take();
        boolean concerned = false;
        for (WatchEvent<?> event : signalled.pollEvents()) {
          concerned |= concernsRoot(signalled, event);
        }
        concerned |= !signalled.reset();
        concerned |= follow();
        if (concerned && !closed) {
          changed.run();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      log.debug("watch above {} closed", root);
    } catch (IOException e) {
      if (!closed) {
        log.debug("cannot follow the path to {}: {}", root, e.toString());
        failed.accept(e);
      }
    }
  }

  /** Whether the event is about the next name on the way from the watched directory to the root. */
  private boolean concernsRoot(WatchKey signalled, WatchEvent<?> event) {
    if (event.kind() == OVERFLOW) {
      return true;
    }
    return signalled == key
        && event.context() instanceof Path name
        && name.equals(watched.relativize(root).getName(0));
  }

  /**
   * Moves the watch to the deepest directory above the root that exists now, again until that stays
   * put (a directory created meanwhile is looked at too); returns whether it moved.
   */
  private boolean follow() throws IOException {
    boolean moved = false;
    while (true) {
      Path target = root.getParent();
      while (target.getParent() != null && !Files.isDirectory(target)) {
        target = target.getParent();
      }
      if (target.equals(watched) && key != null && key.isValid()) {
        return moved;
      }
      if (key != null) {
        key.cancel();
      }
      key = target.register(service, ENTRY_CREATE, ENTRY_DELETE);
      watched = target;
      moved = true;
    }
  }
}
