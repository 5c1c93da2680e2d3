package dev.vigil.control;

import dev.vigil.report.Json;
import dev.vigil.report.VigilEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Server-Sent Events subscriber: the event bus offers events into a bounded queue (never
 * blocking the bus), and the client's own request thread writes them out, one {@code event:}/{@code
 * data:} block each, flushed at once, with a {@code : ping} comment when nothing happened for a
 * while. A client that falls more than the queue's capacity behind is dropped.
 */
final class SseClient {
  private static final Object WAKE = new Object();

  private final OutputStream out;
  private final Json json;
  private final Duration pingEvery;
  private final BlockingQueue<Object> queue;
  private volatile boolean dropped;
  private volatile boolean closed;

  SseClient(OutputStream out, Json json, int capacity, Duration pingEvery) {
    this.out = out;
    this.json = json;
    this.pingEvery = pingEvery;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues an event; called on the publisher's thread, never blocks. */
  void offer(VigilEvent event) {
    if (!closed && !queue.offer(event)) {
      dropped = true;
    }
  }

  /** Ends {@link #run()} once the events already queued are written; safe from any thread. */
  void close() {
    closed = true;
    queue.offer(WAKE);
  }

  boolean dropped() {
    return dropped;
  }

  /**
   * Writes events until the client is closed or dropped, the connection fails, or the thread is
   * interrupted.
   */
  void run() throws IOException {
    write(": vigil events\n\n");
    try {
      while (true) {
        Object next = queue.poll(closed ? 0 : pingEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (dropped) {
          write(": dropped: this client fell too far behind\n\n");
          return;
        }
        if (next == WAKE || (next == null && closed)) {
          return;
        }
        if (next instanceof VigilEvent event) {
          write("event: " + event.type().wireName() + "\ndata: " + json.write(event) + "\n\n");
        } else {
          write(": ping\n\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(String block) throws IOException {
    out.write(block.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
