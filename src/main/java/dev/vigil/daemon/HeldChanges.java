package dev.vigil.daemon;

import dev.vigil.batch.ChangeBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The batches a held project kept back: while held they are gathered here instead of starting runs;
 * when the last hold is let go, the paths whose content is back to what the last run recorded are
 * dropped, and the rest go on as one batch. Confined to the project's loop thread.
 */
final class HeldChanges {
  private int holds;
  private final TreeSet<String> paths = new TreeSet<>();
  private int uncounted;
  private boolean truncated;
  private Instant firstEventAt;

  /** Takes one more hold; true for the first one. */
  boolean hold() {
    return ++holds == 1;
  }

  boolean held() {
    return holds > 0;
  }

  /** Keeps a batch while held. */
  void keep(ChangeBatch batch) {
    paths.addAll(batch.changed());
    uncounted += batch.changedCount() - batch.changed().size();
    truncated |= batch.truncated();
    if (firstEventAt == null) {
      firstEventAt = batch.firstEventAt();
    }
  }

  /**
   * Lets one hold go. When it was the last, returns what still counts as changed: the kept paths
   * that {@code stillChanged} keeps (content compared with the last run's), plus those an overflow
   * left unlisted; empty when nothing does, or when holds remain.
   */
  Optional<ChangeBatch> release(UnaryOperator<List<String>> stillChanged, Instant now) {
    if (holds == 0 || --holds > 0) {
      return Optional.empty();
    }
    List<String> changed = paths.isEmpty() ? List.of() : stillChanged.apply(List.copyOf(paths));
    ChangeBatch batch =
        new ChangeBatch(
            changed,
            changed.size() + uncounted,
            truncated && uncounted > 0,
            firstEventAt == null ? now : firstEventAt,
            now);
    paths.clear();
    uncounted = 0;
    truncated = false;
    firstEventAt = null;
    return batch.changedCount() > 0 ? Optional.of(batch) : Optional.empty();
  }
}
