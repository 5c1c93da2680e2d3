package dev.vigil.cli;

import dev.vigil.report.Json;
import dev.vigil.report.StatusFileWriter;
import dev.vigil.report.StatusSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil status}: asks the running daemon, or reads the last status.json when none runs. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show each project's state, last result, failing stage and age.",
      "Without a running daemon, show its last status.json (exit 0); with none, exit 3."
    })
final class StatusCommand extends ApiCommand {
  @Option(names = "--json", description = "Print the status as JSON, as status.json has it.")
  boolean json;

  StatusCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    Path dir = stateDir();
    String live;
    try {
      live = ApiClient.connect(dir).get("/api/status");
    } catch (UserError e) {
      if (e.exitCode() != ExitCode.NO_DAEMON) {
        throw e;
      }
      return fromFile(dir);
    }
    if (json) {
      ctx.out().println(live.strip());
      return ExitCode.OK;
    }
    StatusSnapshot status = new Json().readStatus(live);
    ctx.out()
        .println("daemon: " + status.daemon().state() + " (pid " + status.daemon().pid() + ")");
    printTable(status);
    return ExitCode.OK;
  }

  private int fromFile(Path dir) throws IOException {
    Path file = dir.resolve(StatusFileWriter.FILE_NAME);
    String text;
    Instant written;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
      written = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (NoSuchFileException e) {
      throw new UserError(
          "no daemon is running for "
              + dir
              + " and it has no status.json yet; "
              + ApiClient.startHint(),
          ExitCode.NO_DAEMON);
    }
    StatusSnapshot status;
    try {
      status = new Json().readStatus(text);
    } catch (IOException e) {
      throw new UserError(file + " is not a status file: " + e.getMessage());
    }
    LastStatus last = LastStatus.of(status, written);
    if (json) {
      ctx.err().println("vigil: " + last.note());
      ctx.out().println(text.strip());
      return ExitCode.OK;
    }
    ctx.out().println(last.note());
    printTable(last.status());
    return ExitCode.OK;
  }

  private void printTable(StatusSnapshot status) {
    if (status.daemon() != null && status.daemon().configError() != null) {
      ctx.out().println("config error (the previous config stays in force):");
      ctx.out().println(status.daemon().configError().strip());
    }
    ctx.out().print(StatusTable.render(status, Instant.now()));
  }
}
