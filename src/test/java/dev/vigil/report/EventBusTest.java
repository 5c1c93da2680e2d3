package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventBusTest {
  private final EventBus bus = new EventBus();
  private final RunRecord run = Fixtures.run("engine", "engine-1", RunResult.PASSED);

  private static List<String> types(List<VigilEvent> events) {
    return events.stream().map(e -> e.type().wireName()).toList();
  }

  @Test
  void subscribersGetEventsInPublishOrder() {
    List<VigilEvent> first = new ArrayList<>();
    List<VigilEvent> second = new ArrayList<>();
    bus.subscribe(first::add);
    bus.subscribe(second::add);

    bus.publish(VigilEvent.run(VigilEvent.Type.RUN_QUEUED, run));
    bus.publish(VigilEvent.run(VigilEvent.Type.RUN_STARTED, run));
    bus.publish(VigilEvent.stage(VigilEvent.Type.STAGE_STARTED, run, "fmt"));
    bus.publish(VigilEvent.stage(VigilEvent.Type.STAGE_FINISHED, run, "fmt"));
    bus.publish(VigilEvent.run(VigilEvent.Type.RUN_FINISHED, run));
    bus.publish(VigilEvent.configError("vigil.yaml:1:1: bad"));
    bus.publish(VigilEvent.configApplied("vigil.yaml"));

    assertThat(types(first))
        .containsExactly(
            "run-queued",
            "run-started",
            "stage-started",
            "stage-finished",
            "run-finished",
            "config-error",
            "config-applied");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void concurrentPublishersGiveEverySubscriberTheSameOrder() throws InterruptedException {
    List<VigilEvent> first = Collections.synchronizedList(new ArrayList<>());
    List<VigilEvent> second = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe(first::add);
    bus.subscribe(second::add);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      RunRecord mine = Fixtures.run("p" + t, "p" + t + "-1", RunResult.PASSED);
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  bus.publish(VigilEvent.run(VigilEvent.Type.RUN_FINISHED, mine));
                }
              },
              "publisher-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(first).hasSize(2000).isEqualTo(second);
  }

  @Test
  void aSubscriberThatWaitsForAnotherThreadPublishingDoesNotDeadlock() throws Exception {
    List<VigilEvent> got = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> stuck = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe(
        e -> {
          got.add(e);
          if (e.equals(VigilEvent.configApplied("a.yaml"))) {
            try {
              CompletableFuture.runAsync(() -> bus.publish(VigilEvent.configApplied("b.yaml")))
                  .get(10, TimeUnit.SECONDS);
            } catch (Exception waited) {
              stuck.add(waited);
            }
          }
        });

    CompletableFuture.runAsync(() -> bus.publish(VigilEvent.configApplied("a.yaml")))
        .get(30, TimeUnit.SECONDS);

    assertThat(stuck).isEmpty();
    assertThat(got)
        .containsExactly(VigilEvent.configApplied("a.yaml"), VigilEvent.configApplied("b.yaml"));
  }

  @Test
  void aClosedSubscriptionGetsNothingMore() {
    List<VigilEvent> got = new ArrayList<>();
    EventBus.Subscription subscription = bus.subscribe(got::add);
    bus.publish(VigilEvent.configApplied("a.yaml"));

    subscription.close();
    subscription.close();
    bus.publish(VigilEvent.configApplied("b.yaml"));

    assertThat(got).containsExactly(VigilEvent.configApplied("a.yaml"));
    assertThat(bus.subscriberCount()).isZero();
  }

  @Test
  void theSameConsumerTwiceIsTwoSubscriptions() {
    List<VigilEvent> got = new ArrayList<>();
    Consumer<VigilEvent> consumer = got::add;
    EventBus.Subscription one = bus.subscribe(consumer);
    bus.subscribe(consumer);

    one.close();
    bus.publish(VigilEvent.configApplied("a.yaml"));

    assertThat(got).hasSize(1);
  }

  @Test
  void aFailingSubscriberDoesNotStopTheOthers() {
    List<VigilEvent> got = new ArrayList<>();
    bus.subscribe(
        e -> {
          throw new IllegalStateException("subscriber broke");
        });
    bus.subscribe(got::add);

    bus.publish(VigilEvent.configApplied("a.yaml"));

    assertThat(got).hasSize(1);
  }

  @Test
  void eventsCarryTheirWireNamesInJson() {
    Json json = new Json();

    assertThat(json.write(VigilEvent.configError("vigil.yaml:1:1: bad")))
        .isEqualTo("{\"type\":\"config-error\",\"text\":\"vigil.yaml:1:1: bad\"}");
    assertThat(json.write(VigilEvent.stage(VigilEvent.Type.STAGE_STARTED, run, "fmt")))
        .startsWith("{\"type\":\"stage-started\",\"run\":{\"schema\":1,")
        .endsWith(",\"stage\":\"fmt\"}");
  }

  @Test
  void mismatchedEventsAreRefused() {
    assertThatThrownBy(() -> VigilEvent.run(VigilEvent.Type.STAGE_FINISHED, run))
        .hasMessage("a stage-finished event needs stage");
    assertThatThrownBy(() -> VigilEvent.stage(VigilEvent.Type.RUN_FINISHED, run, "fmt"))
        .hasMessage("a run-finished event takes no stage");
    assertThatThrownBy(() -> new VigilEvent.ConfigEvent(VigilEvent.Type.RUN_QUEUED, "x"))
        .hasMessage("run-queued is not a config event");
  }
}
