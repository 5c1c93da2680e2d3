package dev.vigil.cache;

import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote behind a time limit and a breaker: no request takes longer than the timeout, and a
 * remote that failed is said to be unavailable once, then left alone for {@link #PAUSE} before it
 * is tried again. Nothing it does fails: a failed read is a miss. An upload that fails or comes
 * while the remote is left alone is held (the newest {@link #HELD_UPLOADS}, older ones dropped and
 * counted) and sent once the remote answers again; the bytes are read back from the local store
 * then, so an artifact evicted meanwhile is left out.
 */
final class RemoteGate {
  static final Duration PAUSE = Duration.ofSeconds(30);
  static final int HELD_UPLOADS = 64;

  private static final Logger log = LoggerFactory.getLogger(RemoteGate.class);

  private final Remote remote;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final Consumer<String> notes;
  private final Function<String, Optional<byte[]>> stored;
  private final Executor executor;

  /** When the pause ends, on the scheduler's monotonic clock; meaningful while paused. */
  private long pausedUntilNanos;

  private boolean pausing;
  private boolean down;
  private final HeldUploads held = new HeldUploads(HELD_UPLOADS);

  /** Whether held uploads are being sent, one at a time. */
  private boolean sending;

  /** A held upload taken to send, not yet answered. */
  private boolean inFlight;

  /** The try at the end of the pause, while one is set. */
  private Scheduler.Cancellable retry;

  /**
   * @param stored the artifact kept locally under a key, read when a held upload is sent
   * @param executor where held uploads are read and sent from
   */
  RemoteGate(
      Remote remote,
      Duration timeout,
      Scheduler scheduler,
      Consumer<String> notes,
      Function<String, Optional<byte[]>> stored,
      Executor executor) {
    this.remote = remote;
    this.timeout = timeout;
    this.scheduler = scheduler;
    this.notes = notes;
    this.stored = stored;
    this.executor = executor;
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

  /** Uploads; while paused, or when it fails, the upload is held for when the remote is back. */
  CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
    synchronized (this) {
      if (paused()) {
        held.add(key);
        return CompletableFuture.completedFuture(null);
      }
    }
    return bounded(remote.put(key, bytes, signature))
        .handle(
            (v, error) -> {
              if (error != null) {
                synchronized (this) {
                  held.add(key);
                }
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
      if (retry == null) {
        retry = scheduler.schedule(PAUSE, () -> executor.execute(this::pauseEnded));
      }
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
    int waiting;
    int dropped;
    synchronized (this) {
      was = down;
      down = false;
      pausing = false;
      waiting = held.size() + (inFlight ? 1 : 0);
      dropped = was ? held.takeDropped() : 0;
    }
    if (was) {
      notes.accept(
          "remote cache "
              + remote.describe()
              + " is reachable again"
              + (waiting == 0
                  ? ""
                  : "; sending " + waiting + (waiting == 1 ? " upload" : " uploads"))
              + (waiting == 0 ? "" : " made meanwhile")
              + (dropped == 0 ? "" : " (" + dropped + " older ones dropped)"));
    }
    sendHeld();
  }

  /** The pause is over: held uploads, if any, are tried; the first answer says if it is back. */
  private void pauseEnded() {
    synchronized (this) {
      retry = null;
    }
    sendHeld();
  }

  /** Starts sending the held uploads, unless it is going already, the remote is paused or none. */
  private void sendHeld() {
    synchronized (this) {
      if (sending || paused() || held.size() == 0) {
        return;
      }
      sending = true;
    }
    sendNext();
  }

  private void sendNext() {
    String key;
    synchronized (this) {
      key = held.take();
      if (key == null) {
        sending = false;
        return;
      }
      inFlight = true;
    }
    Optional<byte[]> bytes = storedArtifact(key);
    if (bytes.isEmpty()) {
      synchronized (this) {
        inFlight = false;
      }
      executor.execute(this::sendNext);
      return;
    }
    CompletableFuture<Void> unused =
        bounded(remote.put(key, bytes.get(), ArtifactCodec.signatureOf(bytes.get())))
            .whenComplete(
                (v, error) -> {
                  if (error != null) {
                    synchronized (this) {
                      inFlight = false;
                      sending = false;
                      held.putBack(key);
                    }
                    failed(error);
                  } else {
                    recovered(); // says so once, if this was the first answer after a pause
                    synchronized (this) {
                      inFlight = false;
                    }
                    executor.execute(this::sendNext);
                  }
                });
  }

  private Optional<byte[]> storedArtifact(String key) {
    try {
      return stored.apply(key);
    } catch (RuntimeException e) {
      log.warn("cannot read the held upload {} back: {}", key, e.toString());
      return Optional.empty();
    }
  }
}
