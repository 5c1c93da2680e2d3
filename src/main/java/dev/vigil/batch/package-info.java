/**
 * From file events to change batches: {@link dev.vigil.batch.DebouncedBatcher} gathers a project's
 * {@link dev.vigil.watch.FileEvent}s (quiet period, max wait, held while git rewrites the tree),
 * coalesces them to the net change per path and hands on a {@link dev.vigil.batch.ClosedBatch};
 * {@link dev.vigil.batch.ContentBaseline} drops paths whose content is what the last run saw.
 *
 * <p>An overflow is reported through {@link dev.vigil.batch.ClosedBatch#overflowed()} rather than a
 * change to the shared {@link dev.vigil.batch.ChangeBatch} record, whose {@code truncated} flag is
 * set too.
 */
package dev.vigil.batch;
