package dev.vigil.cache;

import java.util.Optional;

/**
 * What the cache said about a stage before it ran.
 *
 * @param key the stage's key; empty when the cache cannot vouch for the inputs (the stage then runs
 *     and is not stored)
 * @param hit the stored result, when there is one
 */
public record Lookup(Optional<String> key, Optional<Hit> hit) {
  /** No key, no hit. */
  public static final Lookup NONE = new Lookup(Optional.empty(), Optional.empty());
}
