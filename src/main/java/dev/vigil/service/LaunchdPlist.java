package dev.vigil.service;

import java.util.List;

/** Renders the launchd agent property list {@code dev.vigil.daemon.plist} for a spec. */
final class LaunchdPlist {
  /** The agent's label, also its service name for {@code launchctl}. */
  static final String LABEL = "dev.vigil.daemon";

  /** The agent's file name under {@code ~/Library/LaunchAgents}. */
  static final String FILE_NAME = LABEL + ".plist";

  private LaunchdPlist() {}

  static String render(ServiceSpec spec) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"")
        .append(" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
    x.append("<plist version=\"1.0\">\n");
    x.append("<dict>\n");
    key(x, "Label");
    string(x, 1, LABEL);
    key(x, "ProgramArguments");
    array(x, spec.command());
    spec.workingDir()
        .ifPresent(
            dir -> {
              key(x, "WorkingDirectory");
              string(x, 1, dir.toString());
            });
    key(x, "EnvironmentVariables");
    x.append("  <dict>\n");
    x.append("    <key>PATH</key>\n");
    string(x, 2, spec.path());
    x.append("    <key>VIGIL_STATE_DIR</key>\n");
    string(x, 2, spec.stateDir().toString());
    x.append("  </dict>\n");
    key(x, "RunAtLoad");
    x.append("  <true/>\n");
    key(x, "KeepAlive");
    x.append("  <dict>\n");
    x.append("    <key>SuccessfulExit</key>\n");
    x.append("    <false/>\n");
    x.append("  </dict>\n");
    key(x, "ProcessType");
    string(x, 1, "Background");
    key(x, "ExitTimeOut");
    x.append("  <integer>30</integer>\n");
    key(x, "StandardOutPath");
    string(x, 1, spec.stdoutLog().toString());
    key(x, "StandardErrorPath");
    string(x, 1, spec.stderrLog().toString());
    x.append("</dict>\n");
    x.append("</plist>\n");
    return x.toString();
  }

  private static void key(StringBuilder x, String key) {
    x.append("  <key>").append(key).append("</key>\n");
  }

  private static void array(StringBuilder x, List<String> values) {
    x.append("  <array>\n");
    values.forEach(v -> string(x, 2, v));
    x.append("  </array>\n");
  }

  private static void string(StringBuilder x, int depth, String value) {
    x.append("  ".repeat(depth)).append("<string>").append(xml(value)).append("</string>\n");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
