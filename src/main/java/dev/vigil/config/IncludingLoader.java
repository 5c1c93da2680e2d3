package dev.vigil.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a config and the project configs its {@code include} names. Each included file is read as
 * it would be alone, its {@code defaults} on top of the including config's, its roots relative to
 * itself. A file that cannot be used is reported and, when it loaded before, its last good text is
 * used instead; the other files are not affected.
 */
final class IncludingLoader {
  /** Where a project name was first defined. */
  private record Place(Path file, Mark mark) {}

  private final Map<String, String> env;
  private final Map<Path, String> previous;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<Path, String> contents = new LinkedHashMap<>();
  private final Map<Path, String> lastGood = new HashMap<>();
  private final Map<String, Place> names = new HashMap<>();
  private final List<ProjectConfig> projects = new ArrayList<>();

  IncludingLoader(Map<String, String> env, Map<Path, String> previous) {
    this.env = env;
    this.previous = previous;
  }

  /** Loads {@code file} (with {@code text} when given); problems of the file itself throw. */
  LoadedConfig load(Path file, Optional<String> text) throws ConfigException {
    Path main = file.toAbsolutePath().normalize();
    String body;
    if (text.isPresent()) {
      body = text.get();
    } else {
      ConfigText read = ConfigText.read(main);
      contents.put(main, fingerprint(main, read));
      if (read instanceof ConfigText.Unreadable u) {
        throw new ConfigException(List.of(new ConfigProblem(file, 1, 1, "config file " + u.why())));
      }
      body = ((ConfigText.Text) read).text();
    }
    ConfigValidator.FileConfig top =
        ConfigLoader.parseFile(file, body, InheritedSettings.builtIn(), Optional.empty());
    add(file, top);
    List<IncludeGlob> globs = new ArrayList<>();
    Map<Path, Long> dirs = new LinkedHashMap<>();
    List<Path> globMatches = new ArrayList<>();
    Set<Path> seen = new HashSet<>(List.of(main));
    Path dir = main.getParent() == null ? main : main.getParent();
    for (Located entry : top.include()) {
      Optional<Path> resolved = resolve(main, dir, entry);
      if (resolved.isEmpty()) {
        continue;
      }
      if (IncludeGlob.isGlob(entry.value())) {
        IncludeGlob glob = new IncludeGlob(resolved.get().toString());
        globs.add(glob);
        IncludeGlob.Expansion expansion = glob.expand();
        dirs.putAll(expansion.dirs());
        for (Path match : expansion.matches()) {
          globMatches.add(match);
          if (seen.add(match)) {
            include(match, entry, top.defaults(), main);
          }
        }
      } else if (seen.add(resolved.get())) {
        include(resolved.get(), entry, top.defaults(), main);
      }
    }
    VigilConfig config =
        new VigilConfig(
            Optional.of(file),
            top.config().maxParallelRuns(),
            projects,
            top.config().notifyOnFailure(),
            top.config().cache());
    return new LoadedConfig(
        config, problems, new ConfigSources(contents, dirs, globMatches, globs), lastGood);
  }

  private Optional<Path> resolve(Path main, Path dir, Located entry) {
    Optional<Path> resolved = resolve(dir, entry.value(), env);
    if (resolved.isEmpty()) {
      problems.add(at(main, entry, "include `" + entry.value() + "` is not a path"));
    }
    return resolved;
  }

  /** An include entry as an absolute path: {@code ~/} is the home, others relative to dir. */
  static Optional<Path> resolve(Path dir, String entry, Map<String, String> env) {
    String value = entry;
    if (value.equals("~") || value.startsWith("~/")) {
      String home =
          Optional.ofNullable(env.get("HOME"))
              .filter(h -> !h.isBlank())
              .orElse(System.getProperty("user.home"));
      value = home + value.substring(1);
    }
    try {
      return Optional.of(dir.resolve(Paths.get(value)).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private void include(Path file, Located entry, InheritedSettings defaults, Path main) {
    ConfigText read = ConfigText.read(file);
    contents.put(file, fingerprint(file, read));
    String old = previous.get(file);
    if (read instanceof ConfigText.Text t) {
      try {
        add(file, ConfigLoader.parseFile(file, t.text(), defaults, Optional.of(main)));
        lastGood.put(file, t.text());
        return;
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    } else if (read instanceof ConfigText.Unreadable u) {
      String keep = old == null ? "" : "; its last good version stays in use";
      problems.add(at(main, entry, "included file " + file + " " + u.why() + keep));
    }
    if (old != null) {
      try {
        add(file, ConfigLoader.parseFile(file, old, defaults, Optional.of(main)));
        lastGood.put(file, old);
      } catch (ConfigException e) {
        // The last good text no longer validates (its root is gone): nothing of it is kept.
        problems.addAll(e.problems());
      }
    }
  }

  /** Adds a file's projects; a name already taken by another file is reported and left out. */
  private void add(Path file, ConfigValidator.FileConfig loaded) {
    for (ProjectReader.Draft draft : loaded.projects()) {
      Mark mark = draft.name().map(Located::mark).orElse(Mark.START);
      Place first = names.putIfAbsent(draft.config().name(), new Place(file, mark));
      if (first == null) {
        projects.add(draft.config());
      } else {
        problems.add(
            new ConfigProblem(
                file,
                mark.line(),
                mark.column(),
                "project `"
                    + draft.config().name()
                    + "` is already defined in "
                    + first.file()
                    + ":"
                    + first.mark().line()
                    + ":"
                    + first.mark().column()
                    + "; project names must be unique across the config and the files it"
                    + " includes"));
      }
    }
  }

  private static ConfigProblem at(Path file, Located entry, String message) {
    return new ConfigProblem(file, entry.mark().line(), entry.mark().column(), message);
  }

  private static String fingerprint(Path file, ConfigText read) {
    return read instanceof ConfigText.Text t ? t.text() : ConfigSources.fingerprint(file);
  }
}
