package dev.vigil.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The daemon as a launchd agent, driven through {@code launchctl} in the user's GUI domain. */
final class LaunchdAgent implements Agent {
  private static final Duration COMMAND = Duration.ofSeconds(60);

  private final Path file;
  private final ServiceManager manager;

  LaunchdAgent(Path file, ServiceManager manager) {
    this.file = file;
    this.manager = manager;
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public String render(ServiceSpec spec) {
    return LaunchdPlist.render(spec);
  }

  @Override
  public Optional<String> unavailable() {
    return manager.has("launchctl")
        ? Optional.empty()
        : Optional.of("launchctl is not on the PATH");
  }

  @Override
  public List<Step> start(boolean reinstall) {
    List<Step> steps = new ArrayList<>();
    if (reinstall) {
      steps.add(Step.tolerant("launchctl", "bootout", service()));
    }
    steps.add(Step.of("launchctl", "bootstrap", domain(), file.toString()));
    return steps;
  }

  @Override
  public List<Step> stop() {
    return List.of(Step.tolerant("launchctl", "bootout", service()));
  }

  @Override
  public List<Step> afterRemove() {
    return List.of();
  }

  @Override
  public String state() {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      return "unknown: " + why.get();
    }
    ServiceManager.Result print = manager.run(List.of("launchctl", "print", service()), COMMAND);
    if (!print.ok()) {
      return "not loaded";
    }
    return print
        .output()
        .lines()
        .map(String::strip)
        .filter(line -> line.startsWith("state = "))
        .findFirst()
        .map(line -> "loaded (" + line + ")")
        .orElse("loaded");
  }

  @Override
  public List<String> logs(Path stateDir) {
    Path logs = stateDir.resolve("logs");
    return List.of(
        logs.resolve("daemon.out.log").toString(), logs.resolve("daemon.err.log").toString());
  }

  private String domain() {
    return "gui/" + uid();
  }

  private String service() {
    return domain() + "/" + LaunchdPlist.LABEL;
  }

  /** The user id from {@code id -u}; a shell substitution when it cannot be asked. */
  private String uid() {
    if (manager.has("id")) {
      ServiceManager.Result id = manager.run(List.of("id", "-u"), COMMAND);
      if (id.ok() && id.output().matches("\\d+")) {
        return id.output();
      }
    }
    return "$(id -u)";
  }
}
