package dev.vigil.cli;

import picocli.CommandLine.Command;

/** {@code vigil events}: the daemon's live event stream, one JSON line per event. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Print the daemon's events as they happen, one JSON line each.",
      "Goes on until interrupted or the daemon stops."
    })
final class EventsCommand extends ApiCommand {
  EventsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    client().stream(
        "/api/events",
        () -> {},
        new SseReader(
            (name, data) -> {
              ctx.out().println(data);
              ctx.out().flush();
            }));
    ctx.err().println("vigil: the daemon ended the event stream");
    return ExitCode.OK;
  }
}
