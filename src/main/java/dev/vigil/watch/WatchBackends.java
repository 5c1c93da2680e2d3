package dev.vigil.watch;

import dev.vigil.time.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a {@link ProjectWatcher} runs in its current mode: the kernel event source with its liveness
 * probe, or the polling scanner, the watch above the root, the timer that looks for a missing root.
 * Guarded by its owner's lock; {@link #stop} ends all of it at a change of mode.
 */
final class WatchBackends {
  /** Volatile, so that {@link ProjectWatcher#walking} reads it without the lock. */
  volatile EventSource source;

  PollingScanner scanner;
  LivenessProbe probe;
  RootWatch rootWatch;
  Scheduler.Cancellable rootCheck;

  /**
   * Whether polling stands in for kernel events that failed (they are tried again now and then).
   */
  boolean fallback;

  /** The identity of the root directory the watches were registered in; null if none. */
  Object rootIdentity;

  /** Ends whatever runs. */
  void stop() {
    if (source != null) {
      source.close();
      source = null;
    }
    if (scanner != null) {
      scanner.close();
      scanner = null;
    }
    if (probe != null) {
      probe.close();
      probe = null;
    }
    if (rootWatch != null) {
      rootWatch.close();
      rootWatch = null;
    }
    if (rootCheck != null) {
      rootCheck.cancel();
      rootCheck = null;
    }
    fallback = false;
    rootIdentity = null;
  }

  /**
   * The identity of the directory at {@code root} (device and inode where the system has them), so
   * that a root deleted and made again is told from the one watched; null if no directory is there.
   */
  static Object identity(Path root) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
      if (!attributes.isDirectory()) {
        return null;
      }
      Object key = attributes.fileKey();
      return key != null ? key : attributes.creationTime();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
