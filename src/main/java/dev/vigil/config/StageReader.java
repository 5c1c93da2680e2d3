package dev.vigil.config;

import dev.vigil.glob.Glob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads one stage of a project, applying the project's inherited settings. */
final class StageReader {
  /** A read stage with the places of its name and needs, for the dependency checks. */
  record Draft(Optional<Located> name, List<Located> needs, StageConfig config) {}

  private final ValueReader values;

  StageReader(ValueReader values) {
    this.values = values;
  }

  Optional<Draft> read(LocatedNode item, InheritedSettings inherited) {
    if (!(item instanceof LocatedNode.Mapping stage)) {
      values.problems().add(item.mark(), "a stage must be a mapping, got " + item.describe());
      return Optional.empty();
    }
    values.checkKeys(stage, Section.STAGE);
    Optional<Located> name = Names.read(stage, "stage", values);
    Optional<Located> run = values.string(stage, ConfigKey.RUN);
    if (run.isEmpty() && ValueReader.present(stage, ConfigKey.RUN).isEmpty()) {
      String label = name.map(n -> "stage `" + n.value() + "`").orElse("stage");
      values.problems().add(stage.mark(), label + " is missing `run`");
    } else if (run.isPresent() && run.get().value().isBlank()) {
      values.problems().add(run.get().mark(), "`run` is empty");
    }
    List<Located> needs = values.stringList(stage, ConfigKey.NEEDS);
    StageConfig config =
        new StageConfig(
            name.map(Located::value).orElse(""),
            run.map(Located::value).orElse(""),
            needs.stream().map(Located::value).collect(Collectors.toList()),
            values.patternList(stage, ConfigKey.WHEN, Glob::problem).stream()
                .map(Located::value)
                .collect(Collectors.toList()),
            values.duration(stage, ConfigKey.TIMEOUT).orElse(inherited.timeout()),
            values.duration(stage, ConfigKey.KILL_GRACE).orElse(inherited.killGrace()),
            retry(stage),
            env(stage),
            values.choice(stage, ConfigKey.FORMAT).orElse(ConfigKey.FORMAT.defaultText()),
            values.bool(stage, ConfigKey.KEEP_BACKGROUND).orElse(false),
            new CacheReader(values).stage(stage));
    return Optional.of(new Draft(name, needs, config));
  }

  private RetryPolicy retry(LocatedNode.Mapping stage) {
    Optional<LocatedNode.Mapping> retry = values.mapping(stage, ConfigKey.RETRY_KEY);
    if (retry.isEmpty()) {
      return RetryPolicy.NONE;
    }
    values.checkKeys(retry.get(), Section.RETRY);
    int attempts =
        values
            .integer(retry.get(), ConfigKey.ATTEMPTS, "retry.attempts", 1)
            .orElse(Integer.parseInt(ConfigKey.ATTEMPTS.defaultText()));
    String kind =
        values.choice(retry.get(), ConfigKey.FOR, "retry.for").orElse(ConfigKey.FOR.defaultText());
    Duration backoff =
        values
            .duration(retry.get(), ConfigKey.BACKOFF)
            .orElse(Durations.parse(ConfigKey.BACKOFF.defaultText()).orElseThrow());
    List<String> patterns = new ArrayList<>();
    for (Located p : values.stringList(retry.get(), ConfigKey.TRANSIENT_PATTERNS)) {
      try {
        Pattern.compile(p.value());
        patterns.add(p.value());
      } catch (PatternSyntaxException e) {
        values
            .problems()
            .add(
                p.mark(),
                "`transient_patterns` entry `"
                    + p.value()
                    + "` is not a regular expression: "
                    + e.getDescription());
      }
    }
    return new RetryPolicy(attempts, kind.equals("transient"), backoff, patterns);
  }

  private Map<String, String> env(LocatedNode.Mapping stage) {
    Map<String, String> env = new LinkedHashMap<>();
    Optional<LocatedNode.Mapping> mapping = values.mapping(stage, ConfigKey.ENV);
    if (mapping.isEmpty()) {
      return env;
    }
    for (LocatedNode.Entry e : mapping.get().entries()) {
      if (e.value() instanceof LocatedNode.Scalar s && s.type() != LocatedNode.ScalarType.NULL) {
        env.put(e.key(), s.text());
      } else {
        values
            .problems()
            .add(
                e.value().mark(),
                "env `" + e.key() + "` must be a string, got " + e.value().describe());
      }
    }
    return env;
  }
}
