package dev.vigil.watch;

import static dev.vigil.watch.LinuxInotify.EAGAIN;
import static dev.vigil.watch.LinuxInotify.EINTR;
import static dev.vigil.watch.LinuxInotify.IN_CLOSE_WRITE;
import static dev.vigil.watch.LinuxInotify.IN_CREATE;
import static dev.vigil.watch.LinuxInotify.IN_DELETE;
import static dev.vigil.watch.LinuxInotify.IN_DELETE_SELF;
import static dev.vigil.watch.LinuxInotify.IN_IGNORED;
import static dev.vigil.watch.LinuxInotify.IN_ISDIR;
import static dev.vigil.watch.LinuxInotify.IN_MOVED_FROM;
import static dev.vigil.watch.LinuxInotify.IN_MOVED_TO;
import static dev.vigil.watch.LinuxInotify.IN_MOVE_SELF;
import static dev.vigil.watch.LinuxInotify.IN_Q_OVERFLOW;
import static dev.vigil.watch.LinuxInotify.IN_UNMOUNT;

import com.sun.jna.LastErrorException;
import dev.vigil.files.RawNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel events read from inotify directly, on one thread: one system call registers a directory, a
 * finished write arrives as one event ({@code IN_CLOSE_WRITE}), an overflow of the kernel's queue
 * as an overflow. A directory that appears is watched and its contents reported, so that nothing
 * made in it before its watch was in place is missed.
 */
final class InotifySource implements EventSource {
  private static final Logger log = LoggerFactory.getLogger(InotifySource.class);
  private static final int DIR_MASK = LinuxInotify.DIRECTORY_EVENTS;

  private final Path root;
  private final WatchFilter filter;
  private final EventTranslator sink;
  private final LinuxInotify lib;
  private final InotifyWatches watches;
  private final int fd;
  private final int wake;
  private final CompletableFuture<Void> loop = new CompletableFuture<>();
  private volatile boolean closed;
  private volatile boolean running;
  private volatile boolean walking;
  private boolean fdsClosed;

  private InotifySource(
      Path root, WatchFilter filter, EventTranslator sink, LinuxInotify lib, int fd, int wake) {
    this.root = root;
    this.filter = filter;
    this.sink = sink;
    this.lib = lib;
    this.fd = fd;
    this.wake = wake;
    this.watches = new InotifyWatches();
  }

  /** Opens an inotify instance for the root; no watch is registered before start. */
  static EventSource open(Path root, WatchFilter filter, EventTranslator sink) throws IOException {
    LinuxInotify lib;
    try {
      lib = LinuxInotify.load();
    } catch (LinkageError | RuntimeException e) {
      throw new IOException("inotify is not available here: " + e, e);
    }
    int fd;
    try {
      fd = lib.inotify_init1(LinuxInotify.IN_CLOEXEC | LinuxInotify.IN_NONBLOCK);
    } catch (LastErrorException e) {
      throw failure("cannot create an inotify instance", e);
    }
    int wake;
    try {
      wake = lib.eventfd(0, LinuxInotify.EFD_CLOEXEC);
    } catch (LastErrorException e) {
      lib.close(fd);
      throw failure("cannot create an eventfd", e);
    }
    return new InotifySource(root, filter, sink, lib, fd, wake);
  }

  @Override
  public CompletableFuture<Void> start(Executor executor) throws IOException {
    DirectoryOnlyWalk.of(root, filter).walk(root, this::add);
    executor.execute(this::run);
    return loop;
  }

  @Override
  public String backend() {
    return "inotify";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lib.write(wake, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 8);
    } catch (LastErrorException e) {
      log.debug("cannot wake the inotify loop of {}: {}", root, e.toString());
    }
    if (!loop.isDone() && !running) {
      release();
    }
  }

  /** Registers one directory: one system call. */
  private void add(Path dir) throws IOException {
    boolean isRoot = dir.equals(root);
    int mask = isRoot ? DIR_MASK : DIR_MASK | LinuxInotify.IN_DONT_FOLLOW;
    try {
      int wd = lib.inotify_add_watch(fd, bytes(dir), mask);
      watches.put(wd, dir);
    } catch (LastErrorException e) {
      throw failure("cannot watch " + dir, e);
    }
  }

  private void run() {
    running = true;
    byte[] buffer = new byte[64 * 1024];
    int[] fds = {fd, LinuxInotify.POLLIN, wake, LinuxInotify.POLLIN};
    try {
      while (!closed) {
        fds[1] = LinuxInotify.POLLIN;
        fds[3] = LinuxInotify.POLLIN;
        try {
          lib.poll(fds, 2, -1);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == EINTR) {
            continue;
          }
          throw e;
        }
        if (closed) {
          break;
        }
        long n;
        try {
          n = lib.read(fd, buffer, buffer.length);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
            continue;
          }
          throw e;
        }
        if (!dispatch(ByteBuffer.wrap(buffer, 0, (int) n).order(ByteOrder.nativeOrder()))) {
          break; // the root itself is gone or moved: the watcher decides what that means
        }
      }
      loop.complete(null);
    } catch (RuntimeException e) {
      loop.completeExceptionally(e);
    } finally {
      release();
    }
  }

  /** Handles every event in the buffer; false once the root's own watch is gone. */
  private boolean dispatch(ByteBuffer events) {
    boolean rootAlive = true;
    while (events.remaining() >= 16) {
      int wd = events.getInt();
      int mask = events.getInt();
      events.getInt(); // cookie: a rename's halves are reported as a deletion and a creation
      int len = events.getInt();
      if ((mask & IN_Q_OVERFLOW) != 0) {
        events.position(events.position() + len);
        sink.deliver(new FileEvent(FileEvent.Kind.OVERFLOW, root, true));
        continue;
      }
      Path dir = watches.dir(wd);
      if (dir == null) {
        events.position(events.position() + len);
        continue;
      }
      Path entry = entry(dir, events, len);
      if ((mask & IN_IGNORED) != 0) {
        watches.remove(wd);
        rootAlive &= !dir.equals(root);
        continue;
      }
      if ((mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) != 0) {
        rootAlive &= !dir.equals(root);
        continue;
      }
      if (entry == null) {
        continue;
      }
      handle(entry, mask);
    }
    return rootAlive;
  }

  private void handle(Path path, int mask) {
    boolean isDir = (mask & IN_ISDIR) != 0;
    if ((mask & (IN_DELETE | IN_MOVED_FROM)) != 0) {
      if (isDir) {
        watches.forget(path);
      }
      sink.deliver(new FileEvent(FileEvent.Kind.DELETED, path, isDir));
    } else if ((mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
      if (isDir) {
        appeared(path);
      } else {
        sink.deliver(new FileEvent(FileEvent.Kind.CREATED, path, false));
      }
    } else if ((mask & IN_CLOSE_WRITE) != 0) {
      sink.deliver(new FileEvent(FileEvent.Kind.MODIFIED, path, false));
    }
  }

  /**
   * A directory made or moved in: reported, watched, and walked, reporting what it holds already
   * (made before its watch was in place).
   */
  private void appeared(Path dir) {
    sink.deliver(new FileEvent(FileEvent.Kind.CREATED, dir, true));
    if (filter.ignored(dir, true)) {
      return;
    }
    walking = true;
    try {
      new NewDirectoryWalk(dir, filter, this::add, sink::deliver).walk();
    } catch (IOException e) {
      if (WatchLimitMessage.isLimit(e)) {
        sink.fail(e);
      } else {
        log.debug("cannot watch the new directory {}: {}", dir, e.toString());
      }
    } finally {
      walking = false;
    }
  }

  @Override
  public boolean walking() {
    return walking;
  }

  /** The entry of {@code dir} the event names, or null for an event on {@code dir} itself. */
  private static Path entry(Path dir, ByteBuffer events, int len) {
    int start = events.position();
    int end = start;
    while (end < start + len && events.get(end) != 0) {
      end++;
    }
    events.position(start + len);
    return end == start ? null : RawNames.child(dir, events.array(), start, end - start);
  }

  private static byte[] bytes(Path path) {
    byte[] text = RawNames.pathBytes(path);
    byte[] out = new byte[text.length + 1];
    System.arraycopy(text, 0, out, 0, text.length);
    return out;
  }

  private void release() {
    synchronized (this) {
      if (fdsClosed) {
        return;
      }
      fdsClosed = true;
      try {
        lib.close(fd);
        lib.close(wake);
      } catch (LastErrorException e) {
        log.debug("closing inotify of {} failed: {}", root, e.toString());
      }
    }
    loop.complete(null); // what waits for the loop's end runs with no lock of ours held
  }

  /** An IOException whose message the watch-limit check recognises. */
  private static IOException failure(String what, LastErrorException e) {
    String why =
        switch (e.getErrorCode()) {
          case LinuxInotify.ENOSPC -> "User limit of inotify watches reached";
          case LinuxInotify.EMFILE ->
              "User limit of inotify instances reached or too many open files";
          case LinuxInotify.ENFILE -> "Too many open files in system";
          default -> "errno " + e.getErrorCode();
        };
    return new IOException(what + ": " + why, e);
  }
}
