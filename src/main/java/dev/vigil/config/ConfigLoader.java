package dev.vigil.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads and validates a vigil config file (YAML, or JSON), reporting every problem at once. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Reads {@code file} and validates it; a problem is reported at its file, line and column. */
  public static VigilConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(file, 1, 1, "config file does not exist")));
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(file, 1, 1, "config file is not valid UTF-8 text")));
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(file, 1, 1, "cannot read config file: " + e)));
    }
    return parse(file, text);
  }

  /**
   * Validates {@code text} as if read from {@code file}, which names it in messages and anchors a
   * relative {@code root}. JSON is read when the file name ends in {@code .json} or the text starts
   * with an opening brace.
   */
  public static VigilConfig parse(Path file, String text) throws ConfigException {
    Path absolute = file.toAbsolutePath().normalize();
    Problems problems = new Problems(file);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    boolean json =
        (file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
            || body.stripLeading().startsWith("{");
    java.util.Optional<Node> root = new TreeReader(problems, json).read(body);
    Path dir = absolute.getParent() == null ? absolute : absolute.getParent();
    return new ConfigValidator(problems, dir).validate(root);
  }
}
