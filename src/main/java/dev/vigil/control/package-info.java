/**
 * The local HTTP API: {@link dev.vigil.control.ControlServer} serves the daemon's status, history,
 * stage logs, commands and a Server-Sent Events stream on 127.0.0.1, behind a random token and a
 * loopback Host check, and writes {@code api.json} so clients can find it; {@link
 * dev.vigil.control.ApiEndpoint} reads that file back.
 */
package dev.vigil.control;
