package dev.vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, forgiving readers for what build files say; an unreadable file says nothing. */
final class BuildFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BuildFiles() {}

  /** The regular files in {@code dir} named {@code name}, where {@code *} matches any text. */
  static List<Path> matching(Path dir, String name) {
    List<Path> found = new ArrayList<>();
    if (!name.contains("*")) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        found.add(file);
      }
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name)) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          found.add(file);
        }
      }
    } catch (IOException e) {
      return found;
    }
    found.sort(null);
    return found;
  }

  /** The file's text, or an empty string when it is missing or unreadable. */
  static String text(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** True when the TOML text has the table {@code [name]} or one of its sub-tables. */
  static boolean hasTable(String toml, String name) {
    return Pattern.compile("(?m)^\\s*\\[\\s*" + Pattern.quote(name) + "\\s*[\\].]")
        .matcher(toml)
        .find();
  }

  /** True when the pyproject text builds with maturin ({@code build-backend = "maturin"}). */
  static boolean buildsWithMaturin(String pyproject) {
    return Pattern.compile("(?m)^\\s*build-backend\\s*=\\s*[\"']maturin[\"']")
        .matcher(pyproject)
        .find();
  }

  /**
   * The string value of {@code key} in the TOML table {@code [table]}, or null when it is not set
   * there as a one-line quoted string.
   */
  static String tomlString(String toml, String table, String key) {
    Matcher header =
        Pattern.compile("(?m)^\\s*\\[\\s*" + Pattern.quote(table) + "\\s*\\]\\s*(#.*)?$")
            .matcher(toml);
    if (!header.find()) {
      return null;
    }
    Matcher next = Pattern.compile("(?m)^\\s*\\[").matcher(toml);
    int end = next.find(header.end()) ? next.start() : toml.length();
    Matcher value =
        Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=\\s*([\"'])(.*?)\\1")
            .matcher(toml.substring(header.end(), end));
    return value.find() ? value.group(2) : null;
  }

  /** True when the Cargo.toml text describes a package, not only a (virtual) workspace. */
  static boolean hasPackage(String cargoToml) {
    return hasTable(cargoToml, "package");
  }

  /** True when the Cargo.toml text names the crate {@code name} as a dependency of any kind. */
  static boolean dependsOn(String cargoToml, String name) {
    return Pattern.compile(
            "(?m)^\\s*("
                + Pattern.quote(name)
                + "\\s*[=.]|\\[\\s*(\\S*\\.)?(dev-|build-)?dependencies\\."
                + Pattern.quote(name)
                + "\\s*\\])")
        .matcher(cargoToml)
        .find();
  }

  /** True when a line of a requirements file in {@code dir} names the package {@code name}. */
  static boolean requires(Path dir, String name) {
    Pattern line = Pattern.compile("(?mi)^\\s*" + Pattern.quote(name) + "\\b");
    return matching(dir, "requirements*.txt").stream().anyMatch(f -> line.matcher(text(f)).find());
  }

  /** The script names in {@code package.json}, in file order; empty when there are none. */
  static Set<String> npmScripts(Path packageJson) {
    Set<String> names = new LinkedHashSet<>();
    try {
      JsonNode scripts = JSON.readTree(text(packageJson)).path("scripts");
      for (Iterator<String> it = scripts.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      return names;
    }
    return names;
  }

  /** True when {@code package.json} declares npm workspaces. */
  static boolean hasNpmWorkspaces(Path packageJson) {
    try {
      return JSON.readTree(text(packageJson)).has("workspaces");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
