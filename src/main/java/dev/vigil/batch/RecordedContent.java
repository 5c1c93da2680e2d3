package dev.vigil.batch;

/**
 * What the content baseline recorded for a file when the last run started.
 *
 * @param size bytes
 * @param sha256 the SHA-256 of its bytes
 */
public record RecordedContent(long size, ContentDigest sha256) {}
