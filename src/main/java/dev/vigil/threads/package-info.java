/**
 * Thread naming for every executor vigil owns: {@link dev.vigil.threads.NamedThreads}. Depends on
 * nothing of vigil's.
 */
package dev.vigil.threads;
