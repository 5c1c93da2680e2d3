package dev.vigil.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications through {@code notify-send} (Linux and other Unixes) or {@code osascript}
 * (macOS), started in the background and never waited for.
 */
public final class DesktopNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(DesktopNotifier.class);

  private final Path program;
  private final boolean appleScript;

  private DesktopNotifier(Path program, boolean appleScript) {
    this.program = program;
    this.appleScript = appleScript;
  }

  /**
   * The notifier for this system, found on {@code PATH} in {@code env}; {@link Notifier#NONE} when
   * the program is not installed.
   */
  public static Notifier forSystem(Map<String, String> env, String osName) {
    boolean mac = osName.toLowerCase(Locale.ROOT).startsWith("mac");
    String name = mac ? "osascript" : "notify-send";
    return onPath(env.getOrDefault("PATH", ""), name)
        .<Notifier>map(p -> new DesktopNotifier(p, mac))
        .orElse(Notifier.NONE);
  }

  private static Optional<Path> onPath(String path, String name) {
    for (String dir : path.split(File.pathSeparator)) {
      try {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException e) {
        // a PATH entry that is no path holds no program
      }
    }
    return Optional.empty();
  }

  /** The command line that shows the notification. */
  List<String> command(String title, String body) {
    List<String> cmd = new ArrayList<>();
    cmd.add(program.toString());
    if (appleScript) {
      cmd.add("-e");
      cmd.add("display notification " + quoted(body) + " with title " + quoted(title));
    } else {
      cmd.add("--app-name=vigil");
      cmd.add(title);
      cmd.add(body);
    }
    return cmd;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void show(String title, String body) {
    try {
      Process process =
          new ProcessBuilder(command(title, body))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
    } catch (IOException | RuntimeException e) {
      log.warn("could not show a desktop notification with {}: {}", program, e.toString());
    }
  }
}
