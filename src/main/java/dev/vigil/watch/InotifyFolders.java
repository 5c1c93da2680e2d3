package dev.vigil.watch;

import static dev.vigil.watch.LinuxInotify.EAGAIN;
import static dev.vigil.watch.LinuxInotify.EINTR;
import static dev.vigil.watch.LinuxInotify.IN_DELETE_SELF;
import static dev.vigil.watch.LinuxInotify.IN_IGNORED;
import static dev.vigil.watch.LinuxInotify.IN_MOVE_SELF;
import static dev.vigil.watch.LinuxInotify.IN_Q_OVERFLOW;

import com.sun.jna.LastErrorException;
import dev.vigil.files.RawNames;
import dev.vigil.threads.NamedThreads;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FolderEvents} read from an inotify instance of their own, on one thread that sleeps in
 * {@code poll} until an event or {@link #close} wakes it. Each folder is one watch; an event counts
 * when it names a watched file, or anything in a folder watched whole.
 */
final class InotifyFolders implements FolderEvents {
  private static final Logger log = LoggerFactory.getLogger(InotifyFolders.class);
  private static final int MASK = LinuxInotify.DIRECTORY_EVENTS;

  /** A watched folder: the names that count in it, or null when every name does. */
  private record Folder(Path dir, Set<Path> names) {
    boolean counts(Path entry) {
      return names == null || names.contains(entry.getFileName());
    }
  }

  private final LinuxInotify lib;
  private final int fd;
  private final int wake;
  private final Runnable changed;
  private Map<Integer, Folder> watches = new HashMap<>(); // guarded by this
  private boolean closed; // guarded by this
  private boolean fdsClosed; // guarded by this

  private InotifyFolders(LinuxInotify lib, int fd, int wake, Runnable changed) {
    this.lib = lib;
    this.fd = fd;
    this.wake = wake;
    this.changed = changed;
  }

  /** An inotify instance and its thread; empty when inotify cannot be had. */
  static Optional<FolderEvents> open(Runnable changed, String threadName) {
    LinuxInotify lib;
    int fd;
    int wake;
    try {
      lib = LinuxInotify.load();
      fd = lib.inotify_init1(LinuxInotify.IN_CLOEXEC | LinuxInotify.IN_NONBLOCK);
    } catch (LinkageError | RuntimeException e) {
      log.debug("no inotify for folder events: {}", e.toString());
      return Optional.empty();
    }
    try {
      wake = lib.eventfd(0, LinuxInotify.EFD_CLOEXEC);
    } catch (LastErrorException e) {
      lib.close(fd);
      log.debug("no eventfd for folder events: {}", e.toString());
      return Optional.empty();
    }
    InotifyFolders events = new InotifyFolders(lib, fd, wake, changed);
    NamedThreads.named(threadName).newThread(events::run).start();
    return Optional.of(events);
  }

  @Override
  public synchronized boolean watch(Set<Path> files, Set<Path> folders) {
    if (closed) {
      return false;
    }
    Map<Path, Set<Path>> wanted = new LinkedHashMap<>();
    for (Path folder : folders) {
      wanted.put(folder, null);
    }
    for (Path file : files) {
      Path dir = file.getParent();
      if (dir != null && (!wanted.containsKey(dir) || wanted.get(dir) != null)) {
        wanted.computeIfAbsent(dir, d -> new HashSet<>()).add(file.getFileName());
      }
    }
    Map<Integer, Folder> next = new HashMap<>();
    boolean all = true;
    for (Map.Entry<Path, Set<Path>> entry : wanted.entrySet()) {
      Path dir = entry.getKey();
      int wd;
      try {
        wd = lib.inotify_add_watch(fd, nulTerminated(dir), MASK);
      } catch (LastErrorException e) {
        log.debug("cannot watch {}: errno {}", dir, e.getErrorCode());
        all = false;
        continue;
      }
      Folder folder = new Folder(dir, entry.getValue());
      Folder same = next.get(wd); // the same folder by another path: either one's names count
      next.put(wd, same == null ? folder : merged(same, folder));
    }
    for (int wd : watches.keySet()) {
      if (!next.containsKey(wd)) {
        try {
          lib.inotify_rm_watch(fd, wd);
        } catch (LastErrorException e) {
          // gone already (its folder was deleted)
        }
      }
    }
    watches = next;
    return all;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      lib.write(wake, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 8);
    } catch (LastErrorException e) {
      log.debug("cannot wake the folder events' thread: {}", e.toString());
    }
  }

  private void run() {
    byte[] buffer = new byte[16 * 1024];
    int[] fds = {fd, LinuxInotify.POLLIN, wake, LinuxInotify.POLLIN};
    try {
      while (!isClosed()) {
        fds[1] = LinuxInotify.POLLIN;
        fds[3] = LinuxInotify.POLLIN;
        long n;
        try {
          lib.poll(fds, 2, -1);
          if (isClosed()) {
            break;
          }
          n = lib.read(fd, buffer, buffer.length);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
            continue;
          }
          throw e;
        }
        if (counts(ByteBuffer.wrap(buffer, 0, (int) n).order(ByteOrder.nativeOrder()))) {
          changed.run();
        }
      }
    } catch (RuntimeException e) {
      log.warn("folder events stopped: {}", e.toString());
      changed.run(); // the caller finds the watch failing and looks by other means
    } finally {
      release();
    }
  }

  /** Whether any event in the buffer is about something watched. */
  private synchronized boolean counts(ByteBuffer events) {
    boolean counts = false;
    while (events.remaining() >= 16) {
      int wd = events.getInt();
      int mask = events.getInt();
      events.getInt(); // cookie
      int len = events.getInt();
      int start = events.position();
      events.position(start + len);
      if ((mask & IN_Q_OVERFLOW) != 0) {
        counts = true;
        continue;
      }
      Folder folder = watches.get(wd);
      if (folder == null) {
        continue;
      }
      if ((mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) != 0) {
        if ((mask & IN_IGNORED) != 0) {
          watches.remove(wd); // the next watch() says the folder is not watched
        }
        counts = true;
        continue;
      }
      int end = start;
      while (end < start + len && events.get(end) != 0) {
        end++;
      }
      if (end > start
          && folder.counts(RawNames.child(folder.dir(), events.array(), start, end - start))) {
        counts = true;
      }
    }
    return counts;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized void release() {
    if (fdsClosed) {
      return;
    }
    fdsClosed = true;
    closed = true;
    watches.clear();
    try {
      lib.close(fd);
      lib.close(wake);
    } catch (LastErrorException e) {
      log.debug("closing folder events failed: {}", e.toString());
    }
  }

  private static Folder merged(Folder a, Folder b) {
    if (a.names() == null || b.names() == null) {
      return new Folder(a.dir(), null);
    }
    Set<Path> names = new HashSet<>(a.names());
    names.addAll(b.names());
    return new Folder(a.dir(), names);
  }

  private static byte[] nulTerminated(Path path) {
    byte[] text = RawNames.pathBytes(path);
    byte[] out = new byte[text.length + 1];
    System.arraycopy(text, 0, out, 0, text.length);
    return out;
  }
}
