package dev.vigil.report;

import java.time.Instant;

/**
 * The daemon part of status.json.
 *
 * @param state starting, ready, stopping or, last of all, stopped
 * @param configError null, or {@code FILE:LINE:COL: message} lines
 */
public record DaemonStatus(
    long pid,
    String version,
    DaemonState state,
    Instant startedAt,
    String configFile,
    String configError) {}
