package dev.vigil.batch;

import java.time.Instant;
import java.util.List;

/**
 * The net effect of a burst of file events: what a run is about.
 *
 * @param changed paths relative to the project root, '/'-separated, sorted: every one (a run record
 *     lists at most {@link #MAX_LISTED} of them)
 * @param changedCount how many paths changed in all
 * @param truncated true when {@code changed} is not the whole set (an overflow made the batch
 *     partial)
 * @param firstEventAt when the first event of the batch arrived
 * @param closedAt when the batch closed
 */
public record ChangeBatch(
    List<String> changed,
    int changedCount,
    boolean truncated,
    Instant firstEventAt,
    Instant closedAt) {
  public static final int MAX_LISTED = 10_000;

  public ChangeBatch {
    changed = List.copyOf(changed);
  }
}
