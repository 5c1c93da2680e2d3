package dev.vigil.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shell started ahead of need ({@code sh -s}, in its own session like every command), parked on
 * reading its script from a pipe. Starting a command then costs a pipe write instead of a process
 * spawn: the script changes to the working directory, exports the spec's variables and evaluates
 * the command with stdin from /dev/null, so it runs as {@code sh -c command} would, with the shell
 * as the root of its tree. One difference shows: dash names {@code eval} in its own error messages.
 */
final class WarmShell {
  private static final File ROOT = new File("/");

  private final Process process;

  private WarmShell(Process process) {
    this.process = process;
  }

  /**
   * Spawns a parked shell; its environment is this process's, its directory the file system root.
   */
  static WarmShell spawn(Optional<Path> setsid) throws IOException {
    List<String> argv = ProcessRunner.shellInOwnSession(setsid, "-s");
    return new WarmShell(new ProcessBuilder(argv).directory(ROOT).start());
  }

  /** Whether a spec can run in a warm shell: only variable names the shell can export can. */
  static boolean suits(CommandSpec spec) {
    for (String name : spec.env().keySet()) {
      if (!isName(name)) {
        return false;
      }
    }
    return true;
  }

  /** A shell variable name: a letter or underscore, then letters, digits and underscores. */
  static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The script that runs the spec's command as {@code sh -c} would, in its directory. */
  static String script(CommandSpec spec) {
    StringBuilder script = new StringBuilder(256);
    script.append("cd -- ").append(ShellQuote.quote(spec.workingDir().toString()));
    script.append(" || exit 126\n");
    for (Map.Entry<String, String> e : spec.env().entrySet()) {
      script.append("export ").append(e.getKey()).append('=');
      script.append(ShellQuote.quote(e.getValue())).append('\n');
    }
    // eval in a group, not exec sh -c: the same parse and exit status without a second exec of
    // the shell (0.7 ms). The group is parsed whole before its input becomes /dev/null.
    script.append("{ eval ").append(ShellQuote.quote(spec.command())).append("\n} </dev/null\n");
    return script.toString();
  }

  /** Whether the shell still waits for its script. */
  boolean alive() {
    return process.isAlive();
  }

  /**
   * Hands the shell its script and closes its input; the returned process is the command's root.
   *
   * @throws IOException when the shell is gone (it is then destroyed)
   */
  Process run(CommandSpec spec) throws IOException {
    try (OutputStream in = process.getOutputStream()) {
      in.write(script(spec).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      discard();
      throw e;
    }
    return process;
  }

  /** Ends a shell that will not be used: closing its input ends it, the kill makes sure. */
  void discard() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it is killed below either way
    }
    process.destroyForcibly();
  }
}
