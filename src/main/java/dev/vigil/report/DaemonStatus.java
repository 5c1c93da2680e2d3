package dev.vigil.report;

import java.time.Instant;

/**
 * The daemon part of status.json.
 *
 * @param state {@code starting}, {@code ready} or {@code stopping}
 * @param configError null, or {@code FILE:LINE:COL: message} lines
 */
public record DaemonStatus(
    long pid,
    String version,
    String state,
    Instant startedAt,
    String configFile,
    String configError) {}
