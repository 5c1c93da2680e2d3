package dev.vigil.cache;

import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A remote behind a time limit and a breaker: no request takes longer than the timeout, and a
 * remote that failed is said to be unavailable once, then left alone for {@link #PAUSE} before it
 * is tried again. Nothing it does fails: a failed read is a miss, a failed upload is dropped.
 */
final class RemoteGate {
  static final Duration PAUSE = Duration.ofSeconds(30);

  private final Remote remote;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final Consumer<String> notes;

  /** When the pause ends, on the scheduler's monotonic clock; meaningful while paused. */
  private long pausedUntilNanos;

  private boolean pausing;
  private boolean down;

  RemoteGate(Remote remote, Duration timeout, Scheduler scheduler, Consumer<String> notes) {
    this.remote = remote;
    this.timeout = timeout;
    this.scheduler = scheduler;
    this.notes = notes;
  }

  /** The artifact, or empty when the remote has none, is paused, or fails in time. */
  CompletableFuture<Optional<byte[]>> get(String key) {
    if (paused()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return bounded(remote.get(key))
        .handle(
            (bytes, error) -> {
              if (error != null) {
                failed(error);
                return Optional.<byte[]>empty();
              }
              recovered();
              return bytes;
            });
  }

  /** Uploads, unless paused; a failure only pauses the remote. */
  CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
    if (paused()) {
      return CompletableFuture.completedFuture(null);
    }
    return bounded(remote.put(key, bytes, signature))
        .handle(
            (v, error) -> {
              if (error != null) {
                failed(error);
              } else {
                recovered();
              }
              return null;
            });
  }

  String describe() {
    return remote.describe();
  }

  private <T> CompletableFuture<T> bounded(CompletableFuture<T> request) {
    CompletableFuture<T> out = new CompletableFuture<>();
    Scheduler.Cancellable timer =
        scheduler.schedule(
            timeout,
            () ->
                out.completeExceptionally(
                    new TimeoutException("no answer within " + timeout.toMillis() + " ms")));
    request.whenComplete(
        (v, e) -> {
          timer.cancel();
          if (e != null) {
            out.completeExceptionally(e);
          } else {
            out.complete(v);
          }
        });
    return out;
  }

  private synchronized boolean paused() {
    return pausing && scheduler.nanoTime() - pausedUntilNanos < 0;
  }

  private void failed(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean first;
    synchronized (this) {
      first = !down;
      down = true;
      pausing = true;
      pausedUntilNanos = scheduler.nanoTime() + PAUSE.toNanos();
    }
    if (first) {
      String why =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      notes.accept(
          "remote cache "
              + remote.describe()
              + " is unavailable ("
              + why
              + "); stages run without it; trying it again in "
              + PAUSE.toSeconds()
              + " s");
    }
  }

  private void recovered() {
    boolean was;
    synchronized (this) {
      was = down;
      down = false;
      pausing = false;
    }
    if (was) {
      notes.accept("remote cache " + remote.describe() + " is reachable again");
    }
  }
}
