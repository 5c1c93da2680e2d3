package dev.vigil.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {
  @Test
  void aSingleThreadCarriesItsNameAndDoesNotKeepTheJvmAlive() throws Exception {
    ExecutorService one = NamedThreads.singleThread("vigil-test-one");
    try {
      Thread thread =
          CompletableFuture.supplyAsync(Thread::currentThread, one).get(30, TimeUnit.SECONDS);
      assertThat(thread.getName()).isEqualTo("vigil-test-one");
      assertThat(thread.isDaemon()).isTrue();
    } finally {
      one.shutdown();
      NamedThreads.awaitQuietly(one);
    }
    assertThat(one.isTerminated()).isTrue();
  }

  @Test
  void poolThreadsAreNumbered() {
    var factory = NamedThreads.numbered("vigil-test-pool");
    assertThat(factory.newThread(() -> {}).getName()).isEqualTo("vigil-test-pool-1");
    Thread second = factory.newThread(() -> {});
    assertThat(second.getName()).isEqualTo("vigil-test-pool-2");
    assertThat(second.isDaemon()).isTrue();
  }

  @Test
  void aSchedulerThreadCarriesItsName() throws Exception {
    ScheduledExecutorService timers = NamedThreads.singleScheduler("vigil-test-timer");
    try {
      String name =
          timers
              .schedule(() -> Thread.currentThread().getName(), 1, TimeUnit.MILLISECONDS)
              .get(30, TimeUnit.SECONDS);
      assertThat(name).isEqualTo("vigil-test-timer");
    } finally {
      timers.shutdownNow();
    }
  }
}
