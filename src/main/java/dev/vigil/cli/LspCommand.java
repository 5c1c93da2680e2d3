package dev.vigil.cli;

import dev.vigil.lsp.HttpDaemonLink;
import dev.vigil.lsp.LanguageServerLauncher;
import dev.vigil.lsp.VigilLanguageServer;
import dev.vigil.report.Json;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil lsp}: the Language Server over stdio, attached to the state dir's daemon. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Language Server Protocol on stdio, for editors.",
      "Each stage's diagnostics as it finishes, the tools' fixes as quick fixes, and commands to"
          + " run, pause and resume a project. Attaches to the daemon of the state dir, and starts"
          + " one in the editor's workspace when none runs."
    })
final class LspCommand extends ApiCommand {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config for a daemon this command starts (default: discovery in the workspace).")
  Path config;

  @Option(
      names = "--stdio",
      hidden = true,
      description = "Accepted and ignored: stdio is the only transport.")
  boolean stdio;

  LspCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Path dir = StateDirChoice.prepare(ctx, stateDir);
    HttpDaemonLink daemon = new HttpDaemonLink(dir, new Json().mapper());
    Path configFile = config == null ? null : ctx.cwd().resolve(config).normalize();
    VigilLanguageServer server =
        new VigilLanguageServer(
            daemon,
            new DaemonSpawner(dir, configFile, daemon, ctx.env()),
            dir.toString(),
            VersionProvider.version());
    LanguageServerLauncher.serve(
        server, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    return ExitCode.OK;
  }
}
