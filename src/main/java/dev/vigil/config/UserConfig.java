package dev.vigil.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user config, {@code $XDG_CONFIG_HOME/vigil/vigil.yaml}, that the workstation daemon reads:
 * registering a project adds its config to {@code include:}, unregistering takes it out.
 */
public final class UserConfig {
  /** The comment a new user config starts with. */
  static final String HEADER =
      """
      # vigil's user config, read by the workstation daemon ('vigil service install').
      # It watches every project whose config is listed under `include:` (paths or globs,
      # relative to this file; ~/ is your home). 'vigil add DIR' and 'vigil remove DIR' edit
      # the list; 'vigil check-config' checks this file and every file it includes.
      # Settings under `defaults:` here apply to every included project that does not set its own.
      """;

  /**
   * What a command did.
   *
   * @param changed whether the user config was written
   * @param lines what to tell the user, one line each
   */
  public record Change(boolean changed, List<String> lines) {
    public Change {
      lines = List.copyOf(lines);
    }
  }

  /** A registration that cannot be done, said in one line. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final Path file;
  private final Map<String, String> env;

  private UserConfig(Path file, Map<String, String> env) {
    this.file = file;
    this.env = Map.copyOf(env);
  }

  /** The user config of this environment (an existing .yml or .json counts too). */
  public static UserConfig of(Map<String, String> env) {
    Path dir = ConfigDiscovery.configHome(env).resolve("vigil");
    Path file =
        ConfigDiscovery.FILE_NAMES.stream()
            .map(dir::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElse(dir.resolve("vigil.yaml"));
    return new UserConfig(file, env);
  }

  public Path file() {
    return file;
  }

  /** Creates the user config with its header and an empty include list, unless it exists. */
  public boolean createIfMissing() throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    write(HEADER + "version: 1\ninclude: []\n");
    return true;
  }

  /** Lists the config of {@code dirOrFile} under include; a no-op when it is already included. */
  public Change add(Path dirOrFile) throws ConfigException, IOException, Refused {
    Path project = projectFile(dirOrFile);
    VigilConfig projectConfig = ConfigLoader.load(project, env);
    List<String> out = new ArrayList<>();
    boolean created = createIfMissing();
    if (created) {
      out.add("created " + file);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    LoadedConfig current = ConfigLoader.loadLenient(file, env, Map.of());
    if (current.sources().contents().containsKey(project)) {
      out.add("already registered: " + shown(project) + " is included by " + file);
      return new Change(created, out);
    }
    String edited = editor(text).add(shown(project));
    LoadedConfig next = ConfigLoader.loadLenient(file, env, Map.of(), edited);
    List<ConfigProblem> clashes =
        next.problems().stream().filter(p -> p.file().equals(project)).collect(Collectors.toList());
    if (!clashes.isEmpty()) {
      throw new ConfigException(clashes);
    }
    write(edited);
    String names =
        projectConfig.projects().stream()
            .map(ProjectConfig::name)
            .collect(Collectors.joining(", "));
    out.add(
        "added "
            + shown(project)
            + " ("
            + (projectConfig.projects().size() == 1 ? "project " : "projects ")
            + names
            + ") to "
            + file);
    return new Change(true, out);
  }

  /** Takes the entry naming the config of {@code dirOrFile} out of the include list. */
  public Change remove(Path dirOrFile) throws ConfigException, IOException, Refused {
    Path dir = Files.isRegularFile(dirOrFile) ? dirOrFile.getParent() : dirOrFile;
    List<Path> candidates = new ArrayList<>();
    if (Files.isRegularFile(dirOrFile)) {
      candidates.add(dirOrFile);
    }
    ConfigDiscovery.FILE_NAMES.forEach(n -> candidates.add(dir.resolve(n)));
    if (!Files.exists(file)) {
      throw new Refused(dirOrFile + " is not registered: there is no user config " + file + " yet");
    }
    IncludeListEditor editor = editor(Files.readString(file, StandardCharsets.UTF_8));
    Path base = file.getParent();
    List<Located> named = new ArrayList<>();
    for (Located entry : editor.entries()) {
      Optional<Path> resolved = IncludingLoader.resolve(base, entry.value(), env);
      if (resolved.isPresent() && !IncludeGlob.isGlob(entry.value())) {
        if (candidates.contains(resolved.get())) {
          named.add(entry);
        }
      } else if (resolved.isPresent()
          && new IncludeGlob(resolved.get().toString())
              .expand().matches().stream().anyMatch(candidates::contains)) {
        throw new Refused(
            dirOrFile
                + " is included by the glob `"
                + entry.value()
                + "` ("
                + file
                + ":"
                + entry.mark().line()
                + ":"
                + entry.mark().column()
                + "); narrow or remove that entry by hand");
      }
    }
    if (named.isEmpty()) {
      throw new Refused(
          dirOrFile
              + " is not registered: no entry of `include` in "
              + file
              + " names its vigil.yaml ('vigil add' lists a project there)");
    }
    write(editor.remove(named::contains));
    List<String> out = new ArrayList<>();
    named.forEach(e -> out.add("removed " + e.value() + " from " + file));
    return new Change(true, out);
  }

  /** The config file of a project directory (or the file itself). */
  private Path projectFile(Path dirOrFile) throws Refused {
    if (Files.isRegularFile(dirOrFile)) {
      return dirOrFile;
    }
    if (!Files.isDirectory(dirOrFile)) {
      throw new Refused(dirOrFile + " does not exist");
    }
    return ConfigDiscovery.FILE_NAMES.stream()
        .map(dirOrFile::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new Refused(
                    "no vigil.yaml in "
                        + dirOrFile
                        + "; write one with 'vigil init "
                        + dirOrFile
                        + "', then run 'vigil add' again"));
  }

  private IncludeListEditor editor(String text) throws ConfigException, Refused {
    if (file.getFileName().toString().endsWith(".json")) {
      throw new Refused("the user config " + file + " is JSON; edit its `include` list by hand");
    }
    return IncludeListEditor.of(file, text);
  }

  /** A path as written into the list: {@code ~/...} under the home directory. */
  private String shown(Path path) {
    Optional<Path> home =
        Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank()).map(Paths::get);
    if (home.isPresent() && path.startsWith(home.get()) && !path.equals(home.get())) {
      return "~/" + home.get().relativize(path).toString();
    }
    return path.toString();
  }

  private void write(String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
