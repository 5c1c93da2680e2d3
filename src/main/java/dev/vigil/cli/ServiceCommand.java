package dev.vigil.cli;

import dev.vigil.config.ConfigDiscovery;
import dev.vigil.config.UserConfig;
import dev.vigil.service.CdsArchive;
import dev.vigil.service.Installation;
import dev.vigil.service.ProcessServiceManager;
import dev.vigil.service.ServiceException;
import dev.vigil.service.ServiceInstaller;
import dev.vigil.service.ServiceManager;
import dev.vigil.service.ServicePaths;
import dev.vigil.service.ServiceSpec;
import dev.vigil.service.ServiceTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil service install|uninstall|status}: the daemon as a systemd or launchd service. */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = {
      "Install, remove or inspect the daemon as a user service.",
      "A systemd user unit on Linux, a launchd agent on macOS."
    })
final class ServiceCommand implements Runnable {
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private final CliContext ctx;
  private final ServiceManager manager;
  private final String osName;

  @Spec CommandSpec spec;

  ServiceCommand(CliContext ctx) {
    this(ctx, new ProcessServiceManager(ctx.env()), System.getProperty("os.name", ""));
  }

  ServiceCommand(CliContext ctx, ServiceManager manager, String osName) {
    this.ctx = ctx;
    this.manager = manager;
    this.osName = osName;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is needed: install, uninstall or status");
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Write the service file and start the daemon with it.",
        "Without a reachable service manager, print the commands to start it later."
      })
  int install(
      @Option(names = "--target", paramLabel = "systemd|launchd", description = "Service manager.")
          String target,
      @Option(names = "--dry-run", description = "Print the file; write and run nothing.")
          boolean dryRun,
      @Option(
              names = "--config",
              paramLabel = "FILE",
              description =
                  "Config the daemon uses; default: none, so it reads the user config"
                      + " ($XDG_CONFIG_HOME/vigil/vigil.yaml) where 'vigil add' lists projects.")
          Path config,
      @Option(names = "--state-dir", paramLabel = "DIR", description = "The daemon's state dir.")
          Path stateDir,
      @Option(names = "--jar", paramLabel = "PATH", description = "The vigil jar to run.")
          Path jar) {
    ServicePaths paths = paths();
    try {
      Optional<Path> stateOption = Optional.ofNullable(stateDir);
      Path daemonJar = jar(jar);
      ServiceSpec service =
          ServiceSpec.forRunningJvm(
                  daemonJar,
                  config == null ? Optional.empty() : paths.config(Optional.of(config)),
                  paths.stateDir(stateOption),
                  stateOption.isPresent(),
                  ctx.env().getOrDefault("PATH", DEFAULT_PATH),
                  Optional.of(paths.userConfigDir()))
              .withJvmFlags(CdsArchive.of(daemonJar, ctx.env()).jvmFlags());
      if (!dryRun) {
        createUserConfig();
      }
      installer(paths).install(target(target), service, dryRun);
      if (!dryRun) {
        nextSteps(installer(paths).logs(target(target), service.stateDir()));
      }
    } catch (ServiceException e) {
      throw new UserError(e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  /** The daemon reads the user config: it must be there, even with no project yet. */
  private void createUserConfig() {
    UserConfig user = UserConfig.of(ctx.env());
    try {
      if (user.createIfMissing()) {
        ctx.out().println("created " + user.file() + " (no project yet)");
      }
    } catch (IOException e) {
      throw new UserError("cannot create the user config " + user.file() + ": " + e, e);
    }
  }

  private void nextSteps(List<String> logs) {
    String vigil = Installation.launcher(ctx.env()).map(Path::toString).orElse("vigil");
    boolean here =
        ConfigDiscovery.FILE_NAMES.stream()
            .anyMatch(n -> Files.isRegularFile(ctx.cwd().resolve(n)));
    String project = here ? ctx.cwd().toString() : "~/src/proj";
    ctx.out().println("next steps:");
    ctx.out().println("  " + vigil + " add " + project + "   # register a project's vigil.yaml");
    ctx.out()
        .println("  " + vigil + " status   # what the daemon watches, each project's last run");
    logs.forEach(l -> ctx.out().println("  " + l + "   # the daemon's log"));
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Stop the service and remove its file.")
  int uninstall(
      @Option(names = "--target", paramLabel = "systemd|launchd", description = "Service manager.")
          String target,
      @Option(names = "--dry-run", description = "Say what would be done; do nothing.")
          boolean dryRun) {
    ServicePaths paths = paths();
    try {
      installer(paths).uninstall(target(target), dryRun);
    } catch (ServiceException e) {
      throw new UserError(e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Say whether the service is installed and running, and where it logs.")
  int status(
      @Option(names = "--target", paramLabel = "systemd|launchd", description = "Service manager.")
          String target,
      @Option(names = "--state-dir", paramLabel = "DIR", description = "The daemon's state dir.")
          Path stateDir) {
    ServicePaths paths = paths();
    try {
      installer(paths).status(target(target), paths.stateDir(Optional.ofNullable(stateDir)));
    } catch (ServiceException e) {
      throw new UserError(e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  private ServicePaths paths() {
    return new ServicePaths(ctx.env(), ctx.cwd(), osName);
  }

  private ServiceInstaller installer(ServicePaths paths) {
    return new ServiceInstaller(paths, manager, ctx.out());
  }

  private ServiceTarget target(String option) throws ServiceException {
    return option == null ? ServiceTarget.nativeTo(osName) : ServiceTarget.named(option);
  }

  private Path jar(Path option) {
    if (option == null) {
      return Installation.runningJar()
          .orElseThrow(
              () ->
                  new UserError(
                      "cannot tell which vigil jar is running (not started from a jar);"
                          + " pass --jar PATH"));
    }
    Path jar = ctx.cwd().resolve(option).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new UserError("--jar " + jar + " is not a file");
    }
    return jar;
  }
}
