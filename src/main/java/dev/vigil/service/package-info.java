/**
 * Workstation integration: the daemon as a systemd user unit or a launchd agent ({@link
 * dev.vigil.service.ServiceInstaller}, {@link dev.vigil.service.ServiceSpec}), and the git hook
 * that runs {@code vigil once} ({@link dev.vigil.service.GitHooks}). The service managers' tools
 * are run through {@link dev.vigil.service.ServiceManager} so tests can record what was asked.
 */
package dev.vigil.service;
