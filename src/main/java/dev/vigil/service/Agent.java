package dev.vigil.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One service manager's side of installing the daemon: its file, commands and state. */
sealed interface Agent permits SystemdAgent, LaunchdAgent {
  /** The service file this agent installs. */
  Path file();

  /** The service file's content for a spec. */
  String render(ServiceSpec spec);

  /** Why the service manager cannot be asked now (not there, not answering); empty if it can. */
  Optional<String> unavailable();

  /** Commands that load and start the installed file; {@code reinstall} when one was there. */
  List<Step> start(boolean reinstall);

  /** Commands that stop the service and unload it, run before the file is removed. */
  List<Step> stop();

  /** Commands that let the manager forget the removed file. */
  List<Step> afterRemove();

  /** Whether the service runs now, in the manager's words. */
  String state();

  /** Where the daemon's output goes, as a path or a command to read it. */
  List<String> logs(Path stateDir);

  /**
   * One command to run.
   *
   * @param command the program and its arguments
   * @param mayFail whether a failure is expected and harmless (e.g. stopping what is not loaded)
   */
  record Step(List<String> command, boolean mayFail) {
    public Step {
      command = List.copyOf(command);
    }

    static Step of(String... command) {
      return new Step(List.of(command), false);
    }

    static Step tolerant(String... command) {
      return new Step(List.of(command), true);
    }

    /** The command as one line a user can paste into a shell. */
    String shellLine() {
      StringBuilder line = new StringBuilder();
      for (String word : command) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(shellWord(word));
      }
      return line.toString();
    }

    /** A word for a shell; a {@code $(id -u)} placeholder stays a live substitution. */
    private static String shellWord(String word) {
      if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
        return word;
      }
      String escaped =
          word.replace("\\", "\\\\")
              .replace("\"", "\\\"")
              .replace("`", "\\`")
              .replace("$", "\\$")
              .replace("\\$(id -u)", "$(id -u)");
      return '"' + escaped + '"';
    }
  }
}
