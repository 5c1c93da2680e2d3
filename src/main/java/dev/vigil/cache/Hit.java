package dev.vigil.cache;

/**
 * A stage answered from the cache.
 *
 * @param artifact what the stage left when it passed
 * @param source {@code local} or {@code remote}
 */
public record Hit(Artifact artifact, String source) {}
