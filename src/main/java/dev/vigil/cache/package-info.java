/**
 * The stage cache: a stage whose command, environment, tools, needs and input contents are those of
 * a run where it passed is answered from a store instead of run. {@link dev.vigil.cache.StageCache}
 * is the facade; keys come from {@link dev.vigil.cache.KeyMaker}, artifacts live in a local store
 * in the state dir and, optionally, in a remote cache (Turborepo API or plain HTTP).
 */
package dev.vigil.cache;
