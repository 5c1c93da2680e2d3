package dev.vigil.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a closed {@link ChangeSet} into what the sink receives: content check, sorting, the cut at
 * the listing limit, and a sink failure logged rather than thrown at the timer thread.
 */
final class BatchEmitter {
  private static final Logger log = LoggerFactory.getLogger(BatchEmitter.class);

  private final Path root;
  private final int maxListed;
  private final Consumer<ClosedBatch> sink;
  private final UnaryOperator<List<String>> contentFilter;

  BatchEmitter(
      Path root,
      int maxListed,
      Consumer<ClosedBatch> sink,
      UnaryOperator<List<String>> contentFilter) {
    this.root = root;
    this.maxListed = maxListed;
    this.sink = sink;
    this.contentFilter = contentFilter;
  }

  /**
   * Hands the set to the sink, unless nothing is left of it: an overflowed set always goes out,
   * unfiltered, since it stands for a rescan.
   */
  void emit(ChangeSet set, Instant firstEventAt, Instant closedAt) {
    if (set.isEmpty()) {
      return;
    }
    List<String> paths = set.sortedPaths();
    if (!set.overflowed()) {
      paths = filterContent(paths);
      if (paths.isEmpty()) {
        return;
      }
    }
    // Every path goes on: the stages get them all; the run record lists at most maxListed.
    ChangeBatch batch =
        new ChangeBatch(paths, paths.size(), set.overflowed(), firstEventAt, closedAt);
    try {
      sink.accept(new ClosedBatch(batch, set.overflowed()));
    } catch (RuntimeException e) {
      log.error("handling a change batch of {} failed", root, e);
    }
  }

  private List<String> filterContent(List<String> paths) {
    try {
      List<String> kept = new ArrayList<>(contentFilter.apply(paths));
      Collections.sort(kept);
      return kept;
    } catch (RuntimeException e) {
      log.warn("content check in {} failed; treating every path as changed", root, e);
      return paths;
    }
  }
}
