package dev.vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code vigil open}: prints the dashboard URL and opens it in a browser when there is a display.
 */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Open the dashboard in a browser and print its URL.",
      "The token is in the URL's fragment. A browser is opened only when a display is available."
    })
final class OpenCommand extends ApiCommand {
  OpenCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    ApiClient client = client();
    client.get("/api/status");
    URI url = client.endpoint().dashboardUrl();
    ctx.out().println(url);
    List<String> opener = opener();
    if (!opener.isEmpty()) {
      try {
        new ProcessBuilder(opener.get(0), url.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
      } catch (IOException e) {
        ctx.err().println("vigil: could not run " + opener.get(0) + " (" + e.getMessage() + ")");
      }
    }
    return ExitCode.OK;
  }

  /** The program that opens a URL here, or none when there is no display to open it on. */
  private List<String> opener() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) {
      return List.of("open");
    }
    boolean display =
        !ctx.env().getOrDefault("DISPLAY", "").isEmpty()
            || !ctx.env().getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
    return display && ConfigChoice.onPath(ctx, "xdg-open") ? List.of("xdg-open") : List.of();
  }
}
