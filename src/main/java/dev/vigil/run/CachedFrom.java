package dev.vigil.run;

import java.time.Instant;

/**
 * Where a cached stage's result comes from.
 *
 * @param runId the run in which the stage passed
 * @param at when it finished there
 * @param source {@code local} (this state dir) or {@code remote}
 */
public record CachedFrom(String runId, Instant at, String source) {}
