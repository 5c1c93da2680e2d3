package dev.vigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a located tree into a {@link VigilConfig}, reporting every problem found at once. */
final class ConfigValidator {
  /**
   * One validated file.
   *
   * @param config the file's own projects and settings
   * @param defaults the settings its projects inherited, for the files it includes
   * @param include its {@code include} entries as written
   * @param projects its projects with the places of their names
   */
  record FileConfig(
      VigilConfig config,
      InheritedSettings defaults,
      List<Located> include,
      List<ProjectReader.Draft> projects) {}

  private final Problems problems;
  private final ValueReader values;
  private final Path configDir;
  private final InheritedSettings base;
  private final Optional<Path> includedBy;

  ConfigValidator(Problems problems, Path configDir) {
    this(problems, configDir, InheritedSettings.builtIn(), Optional.empty());
  }

  /**
   * A validator for a file whose projects inherit {@code base} beneath the file's own {@code
   * defaults}; {@code includedBy} names the config that includes it, if any.
   */
  ConfigValidator(
      Problems problems, Path configDir, InheritedSettings base, Optional<Path> includedBy) {
    this.problems = problems;
    this.values = new ValueReader(problems);
    this.configDir = configDir;
    this.base = base;
    this.includedBy = includedBy;
  }

  VigilConfig validate(Optional<LocatedNode> root) throws ConfigException {
    return validateFile(root).config();
  }

  FileConfig validateFile(Optional<LocatedNode> root) throws ConfigException {
    problems.throwIfAny();
    if (root.isEmpty()) {
      problems.add(Mark.START, "config is empty; it needs a `projects:` list");
      throw problems.toException();
    }
    if (!(root.get() instanceof LocatedNode.Mapping top)) {
      problems.add(root.get().mark(), "config must be a mapping, got " + root.get().describe());
      throw problems.toException();
    }
    values.checkKeys(top, Section.TOP);
    values
        .integer(top, ConfigKey.VERSION, "version", Integer.MIN_VALUE)
        .filter(v -> v != 1)
        .ifPresent(
            v ->
                problems.add(
                    ValueReader.present(top, ConfigKey.VERSION).orElseThrow().mark(),
                    "unsupported version " + v + "; this vigil reads version 1"));
    int maxParallel =
        values
            .integer(top, ConfigKey.MAX_PARALLEL_RUNS, "max_parallel_runs", 1)
            .orElse(Runtime.getRuntime().availableProcessors());
    boolean notify =
        values
            .bool(top, ConfigKey.NOTIFY)
            .orElse(Boolean.parseBoolean(ConfigKey.NOTIFY.defaultText()));
    CacheSettings cache = cache(top);
    InheritedSettings defaults = base;
    Optional<LocatedNode.Mapping> defaultsNode = values.mapping(top, ConfigKey.DEFAULTS_KEY);
    if (defaultsNode.isPresent()) {
      values.checkKeys(defaultsNode.get(), Section.DEFAULTS);
      defaults = defaults.overriddenBy(defaultsNode.get(), values);
    }
    List<Located> include = include(top);
    boolean including = top.get(ConfigKey.INCLUDE.key()).isPresent() && includedBy.isEmpty();
    List<ProjectReader.Draft> projects = projects(top, defaults, including);
    checkDependencies(projects);
    problems.throwIfAny();
    return new FileConfig(
        new VigilConfig(
            Optional.of(problems.file()),
            maxParallel,
            projects.stream().map(ProjectReader.Draft::config).collect(Collectors.toList()),
            notify,
            cache),
        defaults,
        include,
        projects);
  }

  private CacheSettings cache(LocatedNode.Mapping top) {
    Optional<LocatedNode.Entry> entry = top.get(ConfigKey.CACHE_KEY.key());
    if (entry.isPresent() && includedBy.isPresent()) {
      problems.add(
          entry.get().keyMark(),
          "`cache` is read only in the config the daemon loads; this file is included by "
              + includedBy.get()
              + ", so set the cache there");
      return CacheSettings.DEFAULT;
    }
    return new CacheReader(values).settings(top);
  }

  private List<Located> include(LocatedNode.Mapping top) {
    Optional<LocatedNode.Entry> entry = top.get(ConfigKey.INCLUDE.key());
    if (entry.isPresent() && includedBy.isPresent()) {
      problems.add(
          entry.get().keyMark(),
          "`include` is read only in the config the daemon loads; this file is included by "
              + includedBy.get()
              + ", so list the other files there");
      return List.of();
    }
    return values.stringList(top, ConfigKey.INCLUDE);
  }

  private List<ProjectReader.Draft> projects(
      LocatedNode.Mapping top, InheritedSettings defaults, boolean including) {
    List<ProjectReader.Draft> drafts = new ArrayList<>();
    Optional<LocatedNode> value = ValueReader.present(top, ConfigKey.PROJECTS);
    String none = "no projects; add a `projects:` list with at least one project";
    if (including
        && (value.isEmpty()
            || value.get() instanceof LocatedNode.Sequence s && s.items().isEmpty())) {
      return drafts;
    }
    if (value.isEmpty()) {
      problems.add(
          top.get(ConfigKey.PROJECTS.key()).map(LocatedNode.Entry::keyMark).orElse(Mark.START),
          none);
    } else if (value.get() instanceof LocatedNode.Sequence seq) {
      if (seq.items().isEmpty()) {
        problems.add(seq.mark(), none);
      }
      ProjectReader reader = new ProjectReader(values, configDir);
      for (LocatedNode item : seq.items()) {
        reader.read(item, defaults).ifPresent(drafts::add);
      }
    } else {
      problems.add(value.get().mark(), "`projects` must be a list, got " + value.get().describe());
    }
    return drafts;
  }

  private void checkDependencies(List<ProjectReader.Draft> projects) {
    List<DependencyCheck.Item> projectItems = new ArrayList<>();
    for (ProjectReader.Draft project : projects) {
      project.name().ifPresent(n -> projectItems.add(new DependencyCheck.Item(n, project.after())));
      String label = project.name().map(n -> " `" + n.value() + "`").orElse("");
      List<DependencyCheck.Item> stageItems = new ArrayList<>();
      for (StageReader.Draft stage : project.stages()) {
        stage.name().ifPresent(n -> stageItems.add(new DependencyCheck.Item(n, stage.needs())));
      }
      new DependencyCheck(
              problems,
              new DependencyCheck.Words(
                  "stage", "needs", "a stage of project" + label, " in project" + label))
          .check(stageItems);
    }
    new DependencyCheck(
            problems,
            new DependencyCheck.Words("project", "runs after", "a project in this file", ""))
        .check(projectItems);
  }
}
