package dev.vigil.watch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the watcher's executor: named daemon threads, created as needed. */
final class WatchThreads {
  private WatchThreads() {}

  /** A cached pool whose threads are called {@code name-1}, {@code name-2}, ... */
  static ExecutorService cachedPool(String name) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, name + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
