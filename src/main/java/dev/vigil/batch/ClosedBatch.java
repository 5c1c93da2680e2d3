package dev.vigil.batch;

/**
 * A batch as the batcher hands it on: the shared {@link ChangeBatch} plus whether events were lost,
 * in which case the listed paths are partial and the project must be rescanned.
 *
 * @param batch the net change (its {@code truncated} is also true when {@code overflowed} is)
 * @param overflowed whether an OVERFLOW event was part of the batch
 */
public record ClosedBatch(ChangeBatch batch, boolean overflowed) {}
