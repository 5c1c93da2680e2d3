package dev.vigil.daemon;

import dev.vigil.cache.StageCache;
import dev.vigil.pipeline.DiagnosticsMemory;
import dev.vigil.pipeline.RunIds;
import dev.vigil.pipeline.RunListener;
import dev.vigil.pipeline.RunSlots;
import dev.vigil.process.CommandRunner;
import dev.vigil.time.Scheduler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What every project of a daemon shares.
 *
 * @param scheduler time and timers
 * @param runner starts stage commands
 * @param slots the workstation-wide cap on runs
 * @param runIds run id allocation
 * @param stateDir the state dir
 * @param runListener hears every run (console, history, status, events)
 * @param env the daemon's environment (HOME, XDG_CONFIG_HOME for git's global excludes)
 * @param background runs content baseline walks
 * @param readAhead reads changed files as their events arrive, ahead of the batch's close
 * @param ownFiles files of vigil's own that no project watches (the config file)
 * @param memory annotates diagnostics with how often they failed runs lately
 * @param cache the stage cache
 */
record SharedParts(
    Scheduler scheduler,
    CommandRunner runner,
    RunSlots slots,
    RunIds runIds,
    Path stateDir,
    RunListener runListener,
    Map<String, String> env,
    Executor background,
    Executor readAhead,
    Set<Path> ownFiles,
    DiagnosticsMemory memory,
    StageCache cache) {}
