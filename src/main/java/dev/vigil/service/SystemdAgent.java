package dev.vigil.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The daemon as a systemd user unit, driven through {@code systemctl --user}. */
final class SystemdAgent implements Agent {
  private static final Duration PROBE = Duration.ofSeconds(5);
  private static final Duration COMMAND = Duration.ofSeconds(60);

  private final Path file;
  private final ServiceManager manager;

  SystemdAgent(Path file, ServiceManager manager) {
    this.file = file;
    this.manager = manager;
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public String render(ServiceSpec spec) {
    return SystemdUnit.render(spec);
  }

  @Override
  public Optional<String> unavailable() {
    if (!manager.has("systemctl")) {
      return Optional.of("systemctl is not on the PATH");
    }
    ServiceManager.Result probe =
        manager.run(List.of("systemctl", "--user", "show-environment"), PROBE);
    if (probe.ok()) {
      return Optional.empty();
    }
    return Optional.of(
        "no systemd user manager answers"
            + (probe.output().isEmpty() ? "" : " (" + probe.firstLine() + ")"));
  }

  @Override
  public List<Step> start(boolean reinstall) {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of("systemctl", "--user", "daemon-reload"));
    steps.add(Step.of("systemctl", "--user", "enable", "--now", SystemdUnit.NAME));
    if (reinstall) {
      steps.add(Step.of("systemctl", "--user", "restart", SystemdUnit.NAME));
    }
    return steps;
  }

  @Override
  public List<Step> stop() {
    return List.of(Step.tolerant("systemctl", "--user", "disable", "--now", SystemdUnit.NAME));
  }

  @Override
  public List<Step> afterRemove() {
    return List.of(Step.tolerant("systemctl", "--user", "daemon-reload"));
  }

  @Override
  public String state() {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      return "unknown: " + why.get();
    }
    ServiceManager.Result active =
        manager.run(List.of("systemctl", "--user", "is-active", SystemdUnit.NAME), COMMAND);
    return active.output().isEmpty() ? "unknown" : active.firstLine();
  }

  @Override
  public List<String> logs(Path stateDir) {
    return List.of("journalctl --user -u vigil");
  }
}
