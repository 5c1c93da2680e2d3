package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A running source of kernel file events for one root; a seam so tests can replace the kernel. */
interface EventSource extends AutoCloseable {
  /**
   * Registers every watch, then delivers events on the executor. Returns once registration is done;
   * the future completes when delivery stops.
   *
   * @throws IOException if a watch cannot be registered
   */
  CompletableFuture<Void> start(Executor executor) throws IOException;

  @Override
  void close();

  /** The backend's name, as {@code vigil status} shows it: inotify or directory-watcher. */
  String backend();

  /**
   * Whether the source is walking a directory that appeared (made or moved in), reporting what it
   * holds: the one change that directory stands for is not all reported yet.
   */
  default boolean walking() {
    return false;
  }

  /** Opens event sources. */
  @FunctionalInterface
  interface Factory {
    EventSource open(Path root, WatchFilter filter, EventTranslator listener) throws IOException;
  }
}
