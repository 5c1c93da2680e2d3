package dev.vigil.daemon;

import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One daemon per state dir: an OS file lock on {@code daemon.lock}, which holds the owner's PID.
 * The OS drops the lock when its process dies, so a stale lock from a killed daemon is simply taken
 * over.
 */
public final class DaemonLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or throws {@link HeldElsewhere} naming the PID that holds it. */
  public static DaemonLock acquire(Path stateDir) throws IOException, HeldElsewhere {
    Path file = stateDir.resolve("daemon.lock");
    FileChannel channel =
        OwnerOnly.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
      throw new HeldElsewhere(file, pid);
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(false);
    return new DaemonLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }

  /** Another daemon holds the lock. */
  public static final class HeldElsewhere extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pid;

    HeldElsewhere(Path file, String pid) {
      super(
          "another vigil daemon (pid "
              + (pid.isEmpty() ? "unknown" : pid)
              + ") already uses this state dir ("
              + file.getParent()
              + "); stop it with 'vigil stop' or pass another --state-dir");
      this.pid = pid;
    }

    public String pid() {
      return pid;
    }
  }
}
