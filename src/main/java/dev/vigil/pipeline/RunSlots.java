package dev.vigil.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The workstation-wide cap on runs going at once ({@code max_parallel_runs}), shared by every
 * project, so ten projects saved together do not start ten heavy builds together. First come, first
 * served.
 */
public final class RunSlots {
  private final int capacity;
  private int inUse;
  private final Deque<CompletableFuture<Slot>> waiting = new ArrayDeque<>();

  public RunSlots(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  /** Completes with a slot as soon as one is free; release it exactly once. */
  CompletableFuture<Slot> acquire() {
    CompletableFuture<Slot> f = new CompletableFuture<>();
    synchronized (this) {
      if (inUse >= capacity) {
        waiting.add(f);
        return f;
      }
      inUse++;
    }
    f.complete(new Slot());
    return f;
  }

  /** A slot at once if one is free (no project waits then), else empty. */
  synchronized Optional<Slot> tryAcquire() {
    if (inUse < capacity) {
      inUse++;
      return Optional.of(new Slot());
    }
    return Optional.empty();
  }

  /** Slots in use now. */
  public synchronized int inUse() {
    return inUse;
  }

  private void release() {
    CompletableFuture<Slot> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inUse--;
        return;
      }
    }
    next.complete(new Slot());
  }

  /** A held place; {@link #release()} hands it to the next waiting project. */
  final class Slot {
    private boolean released;

    void release() {
      synchronized (RunSlots.this) {
        if (released) {
          return;
        }
        released = true;
      }
      RunSlots.this.release();
    }
  }
}
