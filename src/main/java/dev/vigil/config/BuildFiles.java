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
