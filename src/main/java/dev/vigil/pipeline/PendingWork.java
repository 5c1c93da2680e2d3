package dev.vigil.pipeline;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a project's next run is to cover: the changed paths gathered so far (and how many more than
 * listed), or a full run asked for, and whether the run's end starts {@code after} chains. One
 * value, changed only by its loop, under the loop's lock.
 */
final class PendingWork {
  private final TreeSet<String> paths = new TreeSet<>();
  private int uncounted;
  private boolean truncated;
  private TriggerKind fullRun;
  private boolean chains;

  /** Adds a batch's paths; a run for them starts chains. */
  void addChanges(ChangeBatch batch) {
    paths.addAll(batch.changed());
    uncounted += batch.changedCount() - batch.changed().size();
    truncated |= batch.truncated();
    chains = true;
  }

  /** Asks for a run of every stage; {@code startsChains} says whether its end starts chains. */
  void askFullRun(TriggerKind kind, boolean startsChains) {
    fullRun = kind;
    chains |= startsChains;
  }

  /** Puts back what a restarted run covered. */
  void putBack(Collection<String> covered, boolean startedChains) {
    paths.addAll(covered);
    chains |= startedChains;
  }

  /** The full run asked for, or null when only changes wait. */
  TriggerKind fullRun() {
    return fullRun;
  }

  boolean any() {
    return fullRun != null || !paths.isEmpty() || uncounted > 0;
  }

  int count() {
    return paths.size() + uncounted;
  }

  /** The trigger of a run started now. */
  Trigger trigger() {
    if (fullRun != null) {
      return Trigger.of(fullRun);
    }
    List<String> changed = paths.stream().limit(ChangeBatch.MAX_LISTED).toList();
    int count = count();
    return new Trigger(TriggerKind.CHANGE, changed, count, truncated || count > changed.size());
  }

  /**
   * Takes everything for a run starting now: returns the paths; {@link #takeChains} says whether it
   * starts chains. Leaves nothing pending.
   */
  List<String> takePaths() {
    List<String> taken = List.copyOf(paths);
    clear();
    return taken;
  }

  /** Whether the run taking this work starts chains; cleared by the taking. */
  boolean takeChains() {
    boolean was = chains;
    chains = false;
    return was;
  }

  /** Drops the paths and any full run asked for (not the chains). */
  void clear() {
    paths.clear();
    uncounted = 0;
    truncated = false;
    fullRun = null;
  }
}
