package dev.vigil.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OrderedHandOffTest {
  private final List<String> got = Collections.synchronizedList(new ArrayList<>());

  @Test
  void valuesArriveInTheOrderTheyWereAdded() {
    OrderedHandOff<String> handOff = new OrderedHandOff<>(got::add);
    handOff.add("a");
    handOff.add("b");
    assertThat(got).isEmpty();

    handOff.handOn();
    handOff.addAndHandOn("c");

    assertThat(got).containsExactly("a", "b", "c");
  }

  @Test
  void aValueTheConsumerAddsComesAfterTheOneItIsTaking() {
    AtomicReference<OrderedHandOff<String>> self = new AtomicReference<>();
    self.set(
        new OrderedHandOff<>(
            v -> {
              if (v.equals("first")) {
                self.get().addAndHandOn("nested");
              }
              got.add(v);
            }));

    self.get().addAndHandOn("first");

    assertThat(got).containsExactly("first", "nested");
  }

  @Test
  void aConsumerThatWaitsForAnotherThreadAddingDoesNotDeadlock() throws Exception {
    Object ownersLock = new Object();
    AtomicReference<OrderedHandOff<String>> self = new AtomicReference<>();
    self.set(
        new OrderedHandOff<>(
            v -> {
              got.add(v);
              if (v.equals("first")) {
                CompletableFuture.runAsync(
                        () -> {
                          synchronized (ownersLock) {
                            self.get().add("from another thread");
                          }
                          self.get().handOn();
                        })
                    .join();
              }
            }));
    synchronized (ownersLock) {
      self.get().add("first");
    }

    CompletableFuture.runAsync(self.get()::handOn).get(30, TimeUnit.SECONDS);

    assertThat(got).containsExactly("first", "from another thread");
  }

  @Test
  void aThrowingConsumerLeavesTheRestForTheNextCall() {
    OrderedHandOff<String> handOff =
        new OrderedHandOff<>(
            v -> {
              if (v.equals("bad")) {
                throw new IllegalStateException("broke");
              }
              got.add(v);
            });
    handOff.add("bad");
    handOff.add("good");

    assertThatThrownBy(handOff::handOn).hasMessage("broke");
    assertThat(got).isEmpty();

    handOff.handOn();
    assertThat(got).containsExactly("good");
  }
}
