package dev.vigil.batch;

/**
 * What the content baseline recorded for a file when the last run started.
 *
 * @param size bytes
 * @param hash the 64-bit content hash of its bytes
 */
public record RecordedContent(long size, long hash) {}
