package dev.vigil.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Installs, removes and inspects the daemon as a systemd user unit or a launchd agent, saying what
 * it does on {@code out}.
 */
public final class ServiceInstaller {
  private static final Duration COMMAND = Duration.ofSeconds(60);

  private final ServicePaths paths;
  private final ServiceManager manager;
  private final PrintStream out;

  /** An installer that writes under {@code paths} and asks {@code manager} to load the service. */
  public ServiceInstaller(ServicePaths paths, ServiceManager manager, PrintStream out) {
    this.paths = paths;
    this.manager = manager;
    this.out = out;
  }

  /**
   * Writes the service file for {@code spec} and starts it when the service manager answers;
   * otherwise prints the commands to run later. A dry run only prints the file.
   */
  public void install(ServiceTarget target, ServiceSpec spec, boolean dryRun)
      throws ServiceException {
    Agent agent = agent(target);
    Path file = agent.file();
    String content = agent.render(spec);
    boolean reinstall = Files.exists(file);
    if (dryRun) {
      out.println("# dry run: would write " + file);
      out.print(content);
      return;
    }
    write(file, content);
    if (target == ServiceTarget.LAUNCHD) {
      createDirectories(spec.stdoutLog().getParent());
    }
    out.println((reinstall ? "replaced " : "wrote ") + file);
    Optional<String> unavailable = agent.unavailable();
    if (unavailable.isPresent()) {
      out.println(unavailable.get() + "; to start the service later, run:");
      agent.start(reinstall).forEach(step -> out.println("  " + step.shellLine()));
      return;
    }
    run(agent.start(reinstall));
    out.println("started; logs: " + String.join(", ", agent.logs(spec.stateDir())));
  }

  /** Where the daemon's output goes under this target, as paths or commands to read it. */
  public List<String> logs(ServiceTarget target, Path stateDir) {
    return agent(target).logs(stateDir);
  }

  /** Stops the service and removes its file; says so when nothing was installed. */
  public void uninstall(ServiceTarget target, boolean dryRun) throws ServiceException {
    Agent agent = agent(target);
    Path file = agent.file();
    if (!Files.exists(file)) {
      out.println("not installed: " + file + " does not exist; nothing to do");
      return;
    }
    if (dryRun) {
      agent.stop().forEach(step -> out.println("# dry run: would run " + step.shellLine()));
      out.println("# dry run: would remove " + file);
      return;
    }
    Optional<String> unavailable = agent.unavailable();
    boolean managed = unavailable.isEmpty();
    if (managed) {
      run(agent.stop());
    } else {
      out.println(unavailable.get() + "; if the service still runs, stop it with:");
      agent.stop().forEach(step -> out.println("  " + step.shellLine()));
    }
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new ServiceException("cannot remove " + file + ": " + e.getMessage(), e);
    }
    out.println("removed " + file);
    if (managed) {
      run(agent.afterRemove());
    }
  }

  /** Prints whether the service is installed, whether it runs, and where its logs are. */
  public ServiceStatus status(ServiceTarget target, Path stateDir) {
    Agent agent = agent(target);
    boolean installed = Files.exists(agent.file());
    String state = installed ? agent.state() : "not running";
    ServiceStatus status =
        new ServiceStatus(target, agent.file(), installed, state, agent.logs(stateDir));
    out.println("service:   " + target.label());
    out.println("installed: " + (installed ? "yes, " + agent.file() : "no (" + agent.file() + ")"));
    out.println("running:   " + state);
    out.println("logs:      " + String.join(", ", status.logs()));
    return status;
  }

  private Agent agent(ServiceTarget target) {
    return switch (target) {
      case SYSTEMD -> new SystemdAgent(paths.unitFile(), manager);
      case LAUNCHD -> new LaunchdAgent(paths.plistFile(), manager);
    };
  }

  private void run(List<Agent.Step> steps) throws ServiceException {
    for (Agent.Step step : steps) {
      ServiceManager.Result result = manager.run(step.command(), COMMAND);
      if (result.ok()) {
        out.println("ran: " + step.shellLine());
      } else if (step.mayFail()) {
        out.println("ran: " + step.shellLine() + " (exit " + result.exitCode() + ", ignored)");
      } else {
        throw new ServiceException(
            step.shellLine()
                + " failed (exit "
                + result.exitCode()
                + ")"
                + (result.output().isEmpty() ? "" : ": " + result.output()));
      }
    }
  }

  private static void write(Path file, String content) throws ServiceException {
    createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ServiceException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) throws ServiceException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ServiceException("cannot create the directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
