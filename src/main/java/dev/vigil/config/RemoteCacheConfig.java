package dev.vigil.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A remote stage cache, from {@code cache.remote}.
 *
 * @param kind the protocol
 * @param url base URL, http or https
 * @param team Turborepo team id or slug (turbo only)
 * @param tokenEnv the variable holding the bearer token; the token itself is never in a file
 * @param signatureKeyEnv the variable holding the HMAC-SHA256 key artifacts are signed with
 * @param upload false for a read-only remote
 * @param timeout the longest one request may take
 */
public record RemoteCacheConfig(
    Kind kind,
    URI url,
    Optional<String> team,
    Optional<String> tokenEnv,
    Optional<String> signatureKeyEnv,
    boolean upload,
    Duration timeout) {
  /** The remote's protocol. */
  public enum Kind {
    /** The Turborepo Remote Cache API: {@code /v8/artifacts/:hash}. */
    TURBO,
    /** Plain {@code GET/PUT <url>/<key>}: nginx WebDAV, Gradle's HTTP build cache, bazel-remote. */
    HTTP
  }
}
