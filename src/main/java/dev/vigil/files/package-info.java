/**
 * Files of the state dir: {@link dev.vigil.files.OwnerOnly} creates folders and files readable by
 * their owner alone, whatever the umask, and tightens a state dir that others can read.
 */
package dev.vigil.files;
