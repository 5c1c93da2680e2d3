package dev.vigil.watch;

import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a watcher's state changes to its listener in the order they were made, never while the
 * watcher's lock is held: the watcher records a change under its lock with {@link #record}, then
 * calls {@link #deliver} once it has let go. One thread delivers at a time; a change recorded
 * meanwhile is delivered by that thread, after the ones before it, so the listener's last word is
 * the watcher's current state. A listener may call back into the watcher, from any thread.
 */
final class StateAnnouncer {
  private static final Logger log = LoggerFactory.getLogger(StateAnnouncer.class);

  private record Change(WatchState state, String message) {}

  private final WatchStateListener listener;
  private final Queue<Change> queue = new ArrayDeque<>();
  private WatchState state = WatchState.STARTING;
  private boolean delivering;

  StateAnnouncer(WatchStateListener listener) {
    this.listener = listener;
  }

  /** The state recorded last. */
  synchronized WatchState state() {
    return state;
  }

  /** Records a change, to be delivered by the next {@link #deliver}. */
  synchronized void record(WatchState next, String message) {
    state = next;
    queue.add(new Change(next, message));
  }

  /** Delivers every change recorded so far, unless another thread is delivering them already. */
  void deliver() {
    while (true) {
      Change next;
      synchronized (this) {
        if (delivering || queue.isEmpty()) {
          return;
        }
        next = queue.remove();
        delivering = true;
      }
      try {
        listener.stateChanged(next.state(), next.message());
      } catch (RuntimeException e) {
        log.error("the state listener failed on {}", next.state(), e);
      } finally {
        synchronized (this) {
          delivering = false;
        }
      }
    }
  }
}
