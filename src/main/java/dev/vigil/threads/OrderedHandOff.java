package dev.vigil.threads;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands values to one consumer in the order they were added, one at a time, and never while the
 * caller holds a lock of its own: a class that notifies {@link #add}s under its lock, so the order
 * is its state's order, and calls {@link #handOn} after letting the lock go. The first thread that
 * finds nobody handing on becomes the one that does, until nothing is left; a value added meanwhile
 * (from another thread, or by the consumer itself) is handed on by that thread, after the ones
 * before it. A consumer may therefore call back into its notifier from any thread without a
 * deadlock.
 */
public final class OrderedHandOff<T> {
  private final Consumer<? super T> consumer;
  private final ArrayDeque<T> waiting = new ArrayDeque<>();
  private boolean handing;

  public OrderedHandOff(Consumer<? super T> consumer) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
  }

  /** Queues a value; cheap, and safe to call holding any lock. */
  public void add(T value) {
    Objects.requireNonNull(value, "value");
    synchronized (waiting) {
      waiting.add(value);
    }
  }

  /**
   * Hands on what is queued, unless another thread (or an outer call on this one) is doing so
   * already; call it holding no lock. A consumer that throws stops this call, and the values after
   * it wait for the next one.
   */
  public void handOn() {
    synchronized (waiting) {
      if (handing) {
        return;
      }
      handing = true;
    }
    boolean done = false;
    try {
      while (true) {
        T next;
        synchronized (waiting) {
          next = waiting.poll();
          if (next == null) {
            handing = false;
            done = true;
            return;
          }
        }
        consumer.accept(next);
      }
    } finally {
      if (!done) {
        synchronized (waiting) {
          handing = false;
        }
      }
    }
  }

  /** Queues a value and hands on what is queued; for callers that hold no lock. */
  public void addAndHandOn(T value) {
    add(value);
    handOn();
  }
}
