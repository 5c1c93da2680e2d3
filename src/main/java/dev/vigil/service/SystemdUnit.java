package dev.vigil.service;

import java.util.List;
import java.util.stream.Collectors;

/** Renders the systemd user unit {@code vigil.service} for a {@link ServiceSpec}. */
final class SystemdUnit {
  /** The unit's file name, also its name for {@code systemctl --user}. */
  static final String NAME = "vigil.service";

  private SystemdUnit() {}

  static String render(ServiceSpec spec) {
    StringBuilder unit = new StringBuilder();
    unit.append("[Unit]\n");
    unit.append("Description=vigil file-watching development daemon\n");
    spec.documentation()
        .ifPresent(uri -> unit.append("Documentation=").append(escape(uri)).append('\n'));
    unit.append('\n');
    unit.append("[Service]\n");
    unit.append("Type=simple\n");
    unit.append("ExecStart=").append(execLine(spec.command())).append('\n');
    spec.workingDir()
        .ifPresent(
            dir -> unit.append("WorkingDirectory=").append(escape(dir.toString())).append('\n'));
    unit.append("Environment=").append(assignment("PATH", spec.path())).append('\n');
    unit.append("Environment=")
        .append(assignment("VIGIL_STATE_DIR", spec.stateDir().toString()))
        .append('\n');
    unit.append("Restart=on-failure\n");
    unit.append("RestartSec=2\n");
    unit.append("KillSignal=SIGTERM\n");
    unit.append("TimeoutStopSec=30\n");
    unit.append('\n');
    unit.append("[Install]\n");
    unit.append("WantedBy=default.target\n");
    return unit.toString();
  }

  /**
   * ExecStart words: quoted when needed, specifiers ({@code %}) and variables ({@code $}) escaped.
   */
  static String execLine(List<String> words) {
    return words.stream().map(SystemdUnit::execWord).collect(Collectors.joining(" "));
  }

  private static String execWord(String word) {
    String escaped = escape(word).replace("$", "$$");
    boolean plain = !word.isEmpty() && word.chars().allMatch(SystemdUnit::plainChar);
    return plain ? escaped : '"' + escaped + '"';
  }

  /** An {@code Environment=} assignment, always quoted; systemd expands no {@code $} there. */
  private static String assignment(String name, String value) {
    return '"' + escape(name + "=" + value) + '"';
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '%' -> out.append("%%");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean plainChar(int c) {
    return c > ' ' && c != '"' && c != '\'' && c != '\\' && c != ';' && c != 0x7f;
  }
}
