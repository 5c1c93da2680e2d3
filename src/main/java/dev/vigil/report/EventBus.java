package dev.vigil.report;

import dev.vigil.threads.OrderedHandOff;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process publish/subscribe for {@link VigilEvent}s. Events are delivered one at a time, in the
 * order they were published, so every subscriber sees every event in the same order; no lock is
 * held while a subscriber runs, so it may publish or wait for another thread that does (that event
 * follows the one being delivered). Delivery happens on a publishing thread: the publisher's own
 * unless another one is delivering already, which then delivers this event too. A subscriber must
 * therefore return quickly (the HTTP layer hands events to its own queue per client). A subscriber
 * that throws is logged and does not stop delivery to the others.
 */
public final class EventBus {
  private static final Logger log = LoggerFactory.getLogger(EventBus.class);

  private final List<Entry> subscribers = new CopyOnWriteArrayList<>();
  private final OrderedHandOff<VigilEvent> delivery = new OrderedHandOff<>(this::deliver);

  /** Delivers every later event to {@code subscriber} until the returned subscription is closed. */
  public Subscription subscribe(Consumer<VigilEvent> subscriber) {
    Entry entry = new Entry(subscriber);
    subscribers.add(entry);
    return entry;
  }

  /** Hands the event to every current subscriber, in the order events are published. */
  public void publish(VigilEvent event) {
    delivery.addAndHandOn(event);
  }

  private void deliver(VigilEvent event) {
    for (Entry entry : subscribers) {
      try {
        entry.subscriber.accept(event);
      } catch (RuntimeException e) {
        log.warn("event subscriber failed on {}", event.type().wireName(), e);
      }
    }
  }

  /** How many subscriptions are open. */
  public int subscriberCount() {
    return subscribers.size();
  }

  /** An open subscription; closing it stops delivery and is harmless to repeat. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final class Entry implements Subscription {
    private final Consumer<VigilEvent> subscriber;

    Entry(Consumer<VigilEvent> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void close() {
      subscribers.remove(this);
    }
  }
}
