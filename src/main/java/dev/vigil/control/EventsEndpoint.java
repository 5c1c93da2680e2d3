package dev.vigil.control;

import com.sun.net.httpserver.HttpExchange;
import dev.vigil.report.EventBus;
import dev.vigil.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** {@code GET /api/events}: the event bus as a Server-Sent Events stream, one thread per client. */
final class EventsEndpoint {
  /** Events a client may lag behind before it is dropped. */
  static final int QUEUE = 1000;

  private final EventBus bus;
  private final Json json;
  private final Duration pingEvery;
  private final int maxClients;
  private final Semaphore slots;
  private final Set<SseClient> open = ConcurrentHashMap.newKeySet();

  EventsEndpoint(EventBus bus, Json json, Duration pingEvery, int maxClients) {
    this.bus = bus;
    this.json = json;
    this.pingEvery = pingEvery;
    this.maxClients = maxClients;
    this.slots = new Semaphore(maxClients);
  }

  void handle(HttpExchange exchange, List<String> params) throws IOException, HttpError {
    if (!slots.tryAcquire()) {
      throw new HttpError(503, "too many event streams are open");
    }
    try (OutputStream body = exchange.getResponseBody()) {
      SseClient client = new SseClient(body, json, QUEUE, pingEvery);
      open.add(client);
      try (EventBus.Subscription sub = bus.subscribe(client::offer)) {
        Responses.headers(exchange, "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        client.run();
      } finally {
        open.remove(client);
      }
    } finally {
      slots.release();
    }
  }

  /** Ends every open stream and waits (a little) until each has been finished off. */
  void closeAll(Duration wait) {
    open.forEach(SseClient::close);
    try {
      slots.tryAcquire(maxClients, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
