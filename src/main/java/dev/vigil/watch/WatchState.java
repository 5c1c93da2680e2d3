package dev.vigil.watch;

/** What a project's watcher is doing. */
public enum WatchState {
  /** Registering watches; changes may not be seen yet. */
  STARTING,
  /** Every watch is registered; changes are reported as they happen. */
  WATCHING,
  /** Kernel events are unavailable or unreliable; the tree is scanned periodically instead. */
  POLLING,
  /** Nothing is watched (for example the root is gone); the message says why. */
  ERROR
}
