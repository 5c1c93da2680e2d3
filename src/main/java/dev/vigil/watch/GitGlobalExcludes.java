package dev.vigil.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds git's global excludes file: {@code core.excludesFile} from {@code
 * $XDG_CONFIG_HOME/git/config}, {@code ~/.gitconfig} and the repository's own config (later ones
 * win, as in git), else {@code $XDG_CONFIG_HOME/git/ignore} ({@code ~/.config/git/ignore}). HOME
 * and XDG_CONFIG_HOME come from the given environment. {@code include} directives and the system
 * config are not read.
 */
final class GitGlobalExcludes {
  private static final Logger log = LoggerFactory.getLogger(GitGlobalExcludes.class);

  private GitGlobalExcludes() {}

  /** The excludes file to read, if any is configured or defaulted; it may not exist. */
  static Optional<Path> find(Map<String, String> env, Path repoConfig) {
    String home = blankToNull(env.get("HOME"));
    String xdg = blankToNull(env.get("XDG_CONFIG_HOME"));
    Path xdgDir = xdg != null ? Path.of(xdg) : home != null ? Path.of(home, ".config") : null;
    List<Path> configs = new ArrayList<>();
    if (xdgDir != null) {
      configs.add(xdgDir.resolve("git/config"));
    }
    if (home != null) {
      configs.add(Path.of(home, ".gitconfig"));
    }
    if (repoConfig != null) {
      configs.add(repoConfig);
    }
    String value = null;
    for (Path config : configs) {
      String v = readExcludesFile(config);
      if (v != null) {
        value = v;
      }
    }
    if (value != null) {
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (home != null && (value.equals("~") || value.startsWith("~/"))) {
        return Optional.of(Path.of(home + value.substring(1)));
      }
      return Optional.of(Path.of(value));
    }
    return xdgDir == null ? Optional.empty() : Optional.of(xdgDir.resolve("git/ignore"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The last {@code core.excludesFile} value in one config file, or null. */
  static String readExcludesFile(Path config) {
    if (!Files.isRegularFile(config)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(config, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read git config {}: {}", config, e.toString());
      return null;
    }
    String section = "";
    String value = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close < 0) {
          continue;
        }
        section = line.substring(1, close).strip().toLowerCase(Locale.ROOT);
        line = line.substring(close + 1).strip();
      }
      int eq = line.indexOf('=');
      if (eq < 0 || !section.equals("core")) {
        continue;
      }
      if (line.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("excludesfile")) {
        value = unquote(line.substring(eq + 1));
      }
    }
    return value;
  }

  /** A git config value: quotes removed, escapes applied, a trailing comment dropped. */
  static String unquote(String raw) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    String s = raw.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e);
      } else if (!quoted && (c == '#' || c == ';')) {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
