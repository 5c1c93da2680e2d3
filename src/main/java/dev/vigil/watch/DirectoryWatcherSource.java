package dev.vigil.watch;

import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kernel events through directory-watcher: no hashing, pruned walks, our own executor. */
final class DirectoryWatcherSource implements EventSource {
  private static final Logger log = LoggerFactory.getLogger(DirectoryWatcherSource.class);

  private final Path root;
  private final DirectoryWatcher watcher;
  private final PruningTreeVisitor visitor;

  private DirectoryWatcherSource(Path root, DirectoryWatcher watcher, PruningTreeVisitor visitor) {
    this.root = root;
    this.watcher = watcher;
    this.visitor = visitor;
  }

  /** Opens the kernel watch service for the root; no watch is registered before start. */
  static EventSource open(Path root, WatchFilter filter, EventTranslator listener)
      throws IOException {
    PruningTreeVisitor visitor = new PruningTreeVisitor(root, filter);
    DirectoryWatcher watcher =
        DirectoryWatcher.builder()
            .paths(List.of(root))
            .fileHashing(false)
            .fileTreeVisitor(visitor)
            .listener(listener)
            .build();
    return new DirectoryWatcherSource(root, watcher, visitor);
  }

  @Override
  public CompletableFuture<Void> start(Executor executor) throws IOException {
    // watchAsync registers every watch on this thread, then runs the event loop on the executor.
    CompletableFuture<Void> loop;
    visitor.registeringOn(Thread.currentThread());
    try {
      loop = watcher.watchAsync(executor);
    } finally {
      visitor.registeringOn(null);
    }
    if (loop.isCompletedExceptionally()) {
      try {
        loop.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException unchecked) {
          throw unchecked.getCause();
        }
        throw new IOException("cannot watch " + root + ": " + cause, cause);
      }
    }
    return loop;
  }

  @Override
  public String backend() {
    return "directory-watcher";
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      log.debug("closing the watcher of {} failed: {}", root, e.toString());
    }
  }
}
