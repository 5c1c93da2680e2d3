package dev.vigil.report;

import java.time.Instant;

/**
 * The daemon part of status.json.
 *
 * @param state {@code starting}, {@code ready}, {@code stopping} or, last of all, {@code stopped}
 * @param configError null, or {@code FILE:LINE:COL: message} lines
 */
public record DaemonStatus(
    long pid,
    String version,
    String state,
    Instant startedAt,
    String configFile,
    String configError) {}
