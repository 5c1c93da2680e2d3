package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ConfigProblem;
import dev.vigil.config.VigilConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The config {@code vigil watch} runs: one project for the watched directory whose stages are the
 * {@code -x} commands in order, each needing the one before. It is written as config text and
 * checked by the same validator as a file, so a bad value gets the same message.
 */
final class WatchConfig {
  private static final Pattern NAME_WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

  /**
   * What {@code vigil watch} was asked for.
   *
   * @param dir the absolute, normalized directory to watch
   * @param commands the {@code -x} commands, in order, at least one
   * @param debounce the {@code --debounce} text, if given
   * @param ignore {@code --ignore} lines
   * @param onBusy the {@code --on-busy} text, if given
   */
  record Request(
      Path dir,
      List<String> commands,
      Optional<String> debounce,
      List<String> ignore,
      Optional<String> onBusy) {}

  private WatchConfig() {}

  /** The validated config; a bad value is a {@link UserError} quoting the validator. */
  static VigilConfig of(Request request) {
    try {
      return ConfigLoader.parse(request.dir().resolve("(vigil watch)"), text(request));
    } catch (ConfigException e) {
      throw new UserError(
          e.problems().stream()
              .map(ConfigProblem::message)
              .collect(Collectors.joining(System.lineSeparator() + "vigil: ")));
    }
  }

  /** The config as JSON text, which the loader reads like a file. */
  static String text(Request request) {
    Map<String, Object> project = new LinkedHashMap<>();
    project.put("name", projectName(request.dir()));
    project.put("root", ".");
    project.put("ignore", request.ignore());
    request.debounce().ifPresent(d -> project.put("debounce", d));
    request.onBusy().ifPresent(b -> project.put("on_busy", b));
    project.put("run_on_start", true);
    project.put("stages", stages(request.commands()));
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("version", 1);
    top.put("projects", List.of(project));
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(top);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plain maps and lists as JSON", e);
    }
  }

  private static List<Map<String, Object>> stages(List<String> commands) {
    List<Map<String, Object>> stages = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String previous = null;
    for (int i = 0; i < commands.size(); i++) {
      String base = stageName(commands.get(i)).orElse("stage-" + (i + 1));
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + "-" + n;
      }
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("name", name);
      stage.put("run", commands.get(i));
      if (previous != null) {
        stage.put("needs", List.of(previous));
      }
      stages.add(stage);
      previous = name;
    }
    return stages;
  }

  /**
   * A stage name from the command's first plain words: {@code cargo-check} for {@code cargo check
   * --all}, {@code gradlew-test} for {@code ./gradlew test}; empty when none is plain.
   */
  static Optional<String> stageName(String command) {
    List<String> words = new ArrayList<>();
    for (String word : command.trim().split("\\s+")) {
      if (words.isEmpty() && ASSIGNMENT.matcher(word).matches()) {
        continue;
      }
      String plain = words.isEmpty() ? word.substring(word.lastIndexOf('/') + 1) : word;
      if (words.size() == 3 || !NAME_WORD.matcher(plain).matches()) {
        break;
      }
      words.add(plain);
    }
    return words.isEmpty() ? Optional.empty() : Optional.of(String.join("-", words));
  }

  /** The project name: the directory's name, with characters a name may not hold replaced. */
  static String projectName(Path dir) {
    String raw = dir.getFileName() == null ? "" : dir.getFileName().toString();
    String name = NOT_NAME.matcher(raw).replaceAll("-");
    if (name.isEmpty() || !NAME_WORD.matcher(name).matches()) {
      name = "watch" + (name.isEmpty() ? "" : "-" + name.replaceFirst("^[.-]+", ""));
    }
    return name.endsWith("-") ? name.substring(0, name.length() - 1) : name;
  }

  /** Where this directory's watch keeps its state: its own lock, apart from a daemon's. */
  static Path stateDir(Path stateRoot, Path dir) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(dir.toString().getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(digest, 0, 4);
      return stateRoot.resolve("watch").resolve(projectName(dir) + "-" + hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
