package dev.vigil.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code vigil service status} found.
 *
 * @param target the service manager asked
 * @param file the service file
 * @param installed whether the file exists
 * @param state whether the service runs, in the manager's words
 * @param logs where its output goes: paths, or a command that shows it
 */
public record ServiceStatus(
    ServiceTarget target, Path file, boolean installed, String state, List<String> logs) {
  public ServiceStatus {
    logs = List.copyOf(logs);
  }
}
