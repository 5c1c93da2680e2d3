package dev.vigil.service;

import java.util.List;
import java.util.stream.Collectors;

/** The shell script of vigil's git hook. */
final class HookScript {
  /** A line that marks a hook as vigil's, so installing again replaces only vigil's own. */
  static final String MARKER = "# Installed by 'vigil hook install'.";

  private HookScript() {}

  static String render(GitHook hook, List<String> command) {
    String name = hook.fileName();
    return "#!/bin/sh\n"
        + "# vigil "
        + name
        + " hook: runs 'vigil once' and stops the "
        + (hook == GitHook.PRE_COMMIT ? "commit" : "push")
        + " when a stage fails.\n"
        + MARKER
        + " 'vigil hook uninstall' removes it and puts back the hook\n"
        + "# that was here before, which is kept as "
        + name
        + GitHooks.CHAINED_SUFFIX
        + " and runs first.\n"
        + "chained=\"$(dirname \"$0\")/"
        + name
        + GitHooks.CHAINED_SUFFIX
        + "\"\n"
        + "if [ -x \"$chained\" ]; then\n"
        + "  \"$chained\" \"$@\" || exit $?\n"
        + "fi\n"
        + "exec "
        + command.stream().map(HookScript::quote).collect(Collectors.joining(" "))
        + "\n";
  }

  private static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
