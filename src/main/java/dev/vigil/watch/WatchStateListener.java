package dev.vigil.watch;

/** Receives every state change of a {@link ProjectWatcher}, with a message meant for the user. */
@FunctionalInterface
public interface WatchStateListener {
  /** Called on a watcher thread whenever the state or its reason changes. */
  void stateChanged(WatchState state, String message);
}
