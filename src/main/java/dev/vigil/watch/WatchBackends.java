package dev.vigil.watch;

import dev.vigil.time.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a {@link ProjectWatcher} runs in its current mode: the kernel event source with its liveness
 * probe, or the polling scanner, the watch above the root, the timer that looks for a missing root.
 * Guarded by its owner's lock; {@link #detach} lets go of all of it at a change of mode.
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

  /**
   * Lets go of whatever runs and returns what ends it. Call it under the owner's lock and run what
   * it returns after letting go: closing an event source may complete its loop's future, and what
   * waits on that runs right there.
   */
  Runnable detach() {
    EventSource oldSource = source;
    PollingScanner oldScanner = scanner;
    LivenessProbe oldProbe = probe;
    RootWatch oldRootWatch = rootWatch;
    Scheduler.Cancellable oldRootCheck = rootCheck;
    source = null;
    scanner = null;
    probe = null;
    rootWatch = null;
    rootCheck = null;
    fallback = false;
    rootIdentity = null;
    return () -> {
      if (oldSource != null) {
        oldSource.close();
      }
      if (oldScanner != null) {
        oldScanner.close();
      }
      if (oldProbe != null) {
        oldProbe.close();
      }
      if (oldRootWatch != null) {
        oldRootWatch.close();
      }
      if (oldRootCheck != null) {
        oldRootCheck.cancel();
      }
    };
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
