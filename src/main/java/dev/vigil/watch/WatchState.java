package dev.vigil.watch;

/** What a project's watcher is doing. */
public enum WatchState {
  /** Registering watches; changes may not be seen yet. */
  STARTING,
  /** Every watch is registered; changes are reported as they happen. */
  WATCHING,
  /** Kernel events are unavailable or unreliable; the tree is scanned periodically instead. */
  POLLING,
  /**
   * The root does not exist (deleted or moved away): nothing is watched and nothing runs until it
   * is back; the watcher hears of its return by events on the nearest directory above it.
   */
  WAITING_FOR_ROOT,
  /** Watching stopped unexpectedly and is retried; the message says why. */
  ERROR
}
