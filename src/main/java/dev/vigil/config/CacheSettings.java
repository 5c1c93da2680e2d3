package dev.vigil.config;

import java.util.Optional;

/**
 * The stage cache's workstation-wide settings, from the top-level {@code cache:} key.
 *
 * @param maxSizeBytes the local store's size; the least recently used entries go first
 * @param remote a remote cache shared by a team, if any
 */
public record CacheSettings(long maxSizeBytes, Optional<RemoteCacheConfig> remote) {
  /** A 1 GiB local store and no remote. */
  public static final CacheSettings DEFAULT =
      new CacheSettings(
          ByteSizes.parse(ConfigKey.MAX_SIZE.defaultText()).orElseThrow(), Optional.empty());
}
