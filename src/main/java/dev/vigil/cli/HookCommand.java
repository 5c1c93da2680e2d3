package dev.vigil.cli;

import dev.vigil.service.GitHook;
import dev.vigil.service.GitHooks;
import dev.vigil.service.Installation;
import dev.vigil.service.ProcessServiceManager;
import dev.vigil.service.ServiceException;
import dev.vigil.service.ServiceManager;
import dev.vigil.service.ServicePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil hook install|uninstall}: a git hook that runs {@code vigil once}. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = "Install or remove a git hook that runs 'vigil once'.")
final class HookCommand implements Runnable {
  private final CliContext ctx;
  private final ServiceManager git;

  @Spec CommandSpec spec;

  HookCommand(CliContext ctx) {
    this(ctx, new ProcessServiceManager(ctx.env()));
  }

  HookCommand(CliContext ctx, ServiceManager git) {
    this.ctx = ctx;
    this.git = git;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is needed: install or uninstall");
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Install a hook that runs 'vigil once' and stops the commit or push when it fails.",
        "The pre-commit hook checks what is staged ('vigil once --staged').",
        "A hook already there is kept and run first."
      })
  int install(
      @Option(
              names = "--hook",
              paramLabel = "pre-commit|pre-push",
              defaultValue = "pre-commit",
              description = "Which hook (default: ${DEFAULT-VALUE}).")
          String hook,
      @Option(names = "--vigil", paramLabel = "PATH", description = "The vigil launcher to run.")
          Path vigil,
      @Option(names = "--config", paramLabel = "FILE", description = "Config the hook uses.")
          Path config,
      @Option(names = "--project", paramLabel = "NAME", description = "Check only this project.")
          List<String> projects) {
    try {
      GitHook which = GitHook.named(hook);
      List<String> command = new ArrayList<>();
      command.add(launcher(vigil).toString());
      command.add("once");
      if (which == GitHook.PRE_COMMIT) {
        command.add("--staged");
      }
      Optional<Path> file =
          new ServicePaths(ctx.env(), ctx.cwd(), "").config(Optional.ofNullable(config));
      file.ifPresent(
          f -> {
            command.add("--config");
            command.add(f.toString());
          });
      for (String project : projects == null ? List.<String>of() : projects) {
        command.add("--project");
        command.add(project);
      }
      hooks().install(which, command);
    } catch (ServiceException e) {
      throw new UserError(e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Remove vigil's hook and put back the hook that was there before.")
  int uninstall(
      @Option(
              names = "--hook",
              paramLabel = "pre-commit|pre-push",
              defaultValue = "pre-commit",
              description = "Which hook (default: ${DEFAULT-VALUE}).")
          String hook) {
    try {
      hooks().uninstall(GitHook.named(hook));
    } catch (ServiceException e) {
      throw new UserError(e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  private GitHooks hooks() {
    return new GitHooks(ctx.cwd(), git, ctx.out());
  }

  private Path launcher(Path option) {
    if (option == null) {
      return Installation.launcher(ctx.env())
          .orElseThrow(
              () ->
                  new UserError(
                      "cannot find the vigil launcher (no scripts/vigil beside the running jar,"
                          + " no vigil on the PATH); pass --vigil PATH"));
    }
    Path launcher = ctx.cwd().resolve(option).toAbsolutePath().normalize();
    if (!Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
      throw new UserError("--vigil " + launcher + " is not an executable file");
    }
    return launcher;
  }
}
