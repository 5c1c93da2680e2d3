package dev.vigil.config;

import dev.vigil.glob.Glob;
import dev.vigil.glob.GlobSyntax;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads one project, applying inherited settings and resolving its root. */
final class ProjectReader {
  /** A read project with the places of its name and {@code after} entries. */
  record Draft(
      Optional<Located> name,
      List<Located> after,
      List<StageReader.Draft> stages,
      ProjectConfig config) {}

  private final ValueReader values;
  private final Path configDir;
  private final StageReader stageReader;

  ProjectReader(ValueReader values, Path configDir) {
    this.values = values;
    this.configDir = configDir;
    this.stageReader = new StageReader(values);
  }

  Optional<Draft> read(LocatedNode item, InheritedSettings defaults) {
    if (!(item instanceof LocatedNode.Mapping project)) {
      values.problems().add(item.mark(), "a project must be a mapping, got " + item.describe());
      return Optional.empty();
    }
    values.checkKeys(project, Section.PROJECT);
    Optional<Located> name = Names.read(project, "project", values);
    InheritedSettings inherited = defaults.overriddenBy(project, values);
    List<Located> after = values.stringList(project, ConfigKey.AFTER);
    List<StageReader.Draft> stages = stages(project, name, inherited);
    ProjectConfig config =
        new ProjectConfig(
            name.map(Located::value).orElse(""),
            root(project),
            texts(values.patternList(project, ConfigKey.WATCH, Glob::problem)),
            texts(values.patternList(project, ConfigKey.IGNORE, GlobSyntax::checkIgnoreLine)),
            texts(after),
            inherited.debounce(),
            inherited.maxWait(),
            inherited.onBusy(),
            inherited.runOnStart(),
            stages.stream().map(StageReader.Draft::config).collect(Collectors.toList()));
    return Optional.of(new Draft(name, after, stages, config));
  }

  private List<StageReader.Draft> stages(
      LocatedNode.Mapping project, Optional<Located> name, InheritedSettings inherited) {
    List<StageReader.Draft> stages = new ArrayList<>();
    Optional<LocatedNode> value = ValueReader.present(project, ConfigKey.STAGES);
    String label = name.map(n -> "project `" + n.value() + "`").orElse("project");
    if (value.isEmpty()) {
      Mark at =
          project
              .get(ConfigKey.STAGES.key())
              .map(LocatedNode.Entry::keyMark)
              .orElse(project.mark());
      values.problems().add(at, label + " has no `stages`; add at least one stage");
    } else if (value.get() instanceof LocatedNode.Sequence seq) {
      if (seq.items().isEmpty()) {
        values.problems().add(seq.mark(), label + " has no `stages`; add at least one stage");
      }
      for (LocatedNode item : seq.items()) {
        stageReader.read(item, inherited).ifPresent(stages::add);
      }
    } else {
      values
          .problems()
          .add(value.get().mark(), "`stages` must be a list, got " + value.get().describe());
    }
    return stages;
  }

  private Path root(LocatedNode.Mapping project) {
    Optional<Located> root = values.string(project, ConfigKey.ROOT);
    String text = root.map(Located::value).orElse(ConfigKey.ROOT.defaultText());
    Path resolved;
    try {
      resolved = configDir.resolve(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      root.ifPresent(r -> values.problems().add(r.mark(), "root `" + text + "` is not a path"));
      return configDir;
    }
    Mark at = root.map(Located::mark).orElse(project.mark());
    if (!Files.exists(resolved)) {
      values.problems().add(at, "root `" + text + "` does not exist (" + resolved + ")");
    } else if (!Files.isDirectory(resolved)) {
      values.problems().add(at, "root `" + text + "` is not a directory (" + resolved + ")");
    }
    return resolved;
  }

  private static List<String> texts(List<Located> located) {
    return located.stream().map(Located::value).collect(Collectors.toList());
  }
}
