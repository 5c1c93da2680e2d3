package dev.vigil.daemon;

import dev.vigil.cache.StageCache;
import dev.vigil.pipeline.RunListener;
import dev.vigil.pipeline.RunSlots;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The services every project of a daemon is built from.
 *
 * @param runs the pipeline's wiring: clock, command runner, run ids, history, state dir
 * @param slots the workstation-wide cap on runs
 * @param runListener hears every run (console, history, status, events)
 * @param env the daemon's environment (HOME, XDG_CONFIG_HOME for git's global excludes)
 * @param background runs content baseline walks
 * @param readAhead reads changed files as their events arrive, ahead of the batch's close
 * @param ownFiles files of vigil's own that no project watches (the config file)
 * @param cache the stage cache, which hands each project its part
 */
record ProjectServices(
    RunServices runs,
    RunSlots slots,
    RunListener runListener,
    Map<String, String> env,
    Executor background,
    Executor readAhead,
    Set<Path> ownFiles,
    StageCache cache) {}
