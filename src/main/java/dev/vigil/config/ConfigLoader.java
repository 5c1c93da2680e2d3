package dev.vigil.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates a vigil config file (YAML, or JSON) and the project configs it includes,
 * reporting every problem at once.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Reads {@code file} and validates it; a problem is reported at its file, line and column. */
  public static VigilConfig load(Path file) throws ConfigException {
    return load(file, System.getenv());
  }

  /**
   * Reads {@code file} and every file it includes ({@code ~} in an include is {@code $HOME} of
   * {@code env}); any problem in any of them throws, each at its own file, line and column.
   */
  public static VigilConfig load(Path file, Map<String, String> env) throws ConfigException {
    return strict(new IncludingLoader(env, Map.of()).load(file, Optional.empty()));
  }

  /**
   * Reads {@code file} and the files it includes, as a running daemon does: a problem in {@code
   * file} itself throws, but an included file that cannot be used is only reported (with its last
   * good text from {@code lastGood} used instead, if there is one), and the others load.
   */
  public static LoadedConfig loadLenient(
      Path file, Map<String, String> env, Map<Path, String> lastGood) throws ConfigException {
    return new IncludingLoader(env, lastGood).load(file, Optional.empty());
  }

  /** {@link #loadLenient(Path, Map, Map)} with {@code text} in place of the file's content. */
  static LoadedConfig loadLenient(
      Path file, Map<String, String> env, Map<Path, String> lastGood, String text)
      throws ConfigException {
    return new IncludingLoader(env, lastGood).load(file, Optional.of(text));
  }

  /**
   * Validates {@code text} as if read from {@code file}, which names it in messages and anchors a
   * relative {@code root}. JSON is read when the file name ends in {@code .json} or the text starts
   * with an opening brace.
   */
  public static VigilConfig parse(Path file, String text) throws ConfigException {
    return strict(new IncludingLoader(System.getenv(), Map.of()).load(file, Optional.of(text)));
  }

  /** Reads one file's text into its projects, which inherit {@code base} beneath its defaults. */
  static ConfigValidator.FileConfig parseFile(
      Path file, String text, InheritedSettings base, Optional<Path> includedBy)
      throws ConfigException {
    Path absolute = file.toAbsolutePath().normalize();
    Problems problems = new Problems(file);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    boolean json =
        (file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
            || body.stripLeading().startsWith("{");
    Optional<LocatedNode> root = new TreeReader(problems, json).read(body);
    Path dir = absolute.getParent() == null ? absolute : absolute.getParent();
    return new ConfigValidator(problems, dir, base, includedBy).validateFile(root);
  }

  private static VigilConfig strict(LoadedConfig loaded) throws ConfigException {
    if (!loaded.problems().isEmpty()) {
      throw new ConfigException(loaded.problems());
    }
    return loaded.config();
  }
}
