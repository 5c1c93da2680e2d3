package dev.vigil.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands controls to one handler, one at a time and in order, urgent ones ahead of the rest. The
 * handler runs on the executor (a project's own thread in the daemon; the caller's thread in
 * tests); each post returns a future that completes once its control was handled.
 */
final class ControlQueue {
  private record Envelope(Control control, CompletableFuture<Void> done) {}

  private final Executor executor;
  private final Consumer<Control> handler;
  private final Deque<Envelope> queue = new ArrayDeque<>();
  private boolean draining;

  ControlQueue(Executor executor, Consumer<Control> handler) {
    this.executor = executor;
    this.handler = handler;
  }

  CompletableFuture<Void> post(Control control) {
    Envelope envelope = new Envelope(control, new CompletableFuture<>());
    boolean startDrain;
    synchronized (this) {
      if (control.urgent()) {
        queue.addFirst(envelope);
      } else {
        queue.addLast(envelope);
      }
      startDrain = !draining;
      draining = true;
    }
    if (startDrain) {
      executor.execute(this::drain);
    }
    return envelope.done();
  }

  private void drain() {
    while (true) {
      Envelope next;
      synchronized (this) {
        next = queue.pollFirst();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        handler.accept(next.control());
        next.done().complete(null);
      } catch (RuntimeException e) {
        next.done().completeExceptionally(e);
      }
    }
  }
}
