package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Opens kernel events for one root: the event source, its translator, and every watch registered.
 */
final class KernelEvents {
  /** Reports a backend's error to the watcher generation that owns the source. */
  @FunctionalInterface
  interface Failures {
    void failed(long generation, Exception e);
  }

  /** A source whose watches are registered, and the future of its event loop. */
  record Opened(EventSource source, CompletableFuture<Void> loop) {}

  private final Path root;
  private final WatchFilter filter;
  private final EventSource.Factory sources;
  private final Executor executor;

  KernelEvents(Path root, WatchFilter filter, EventSource.Factory sources, Executor executor) {
    this.root = root;
    this.filter = filter;
    this.sources = sources;
    this.executor = executor;
  }

  /**
   * Opens a source and registers every watch; returns once that is done.
   *
   * @param owner the generation its errors go to; may be set later, once it is known
   * @throws IOException if a watch cannot be registered (the source is closed again)
   */
  Opened open(
      AtomicLong owner, Predicate<FileEvent> cookies, Consumer<FileEvent> events, Failures failures)
      throws IOException {
    EventSource source =
        sources.open(
            root,
            filter,
            new EventTranslator(
                root, filter, cookies, events, e -> failures.failed(owner.get(), e)));
    try {
      return new Opened(source, source.start(executor));
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }
}
