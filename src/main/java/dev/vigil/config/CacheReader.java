package dev.vigil.config;

import dev.vigil.glob.Glob;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the top-level {@code cache:} section and a stage's {@code cache:} key. */
final class CacheReader {
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ValueReader values;

  CacheReader(ValueReader values) {
    this.values = values;
  }

  /** The top-level settings; the defaults when the section is absent. */
  CacheSettings settings(LocatedNode.Mapping top) {
    Optional<LocatedNode.Mapping> cache = values.mapping(top, ConfigKey.CACHE_KEY);
    if (cache.isEmpty()) {
      return CacheSettings.DEFAULT;
    }
    values.checkKeys(cache.get(), Section.CACHE);
    long maxSize =
        values
            .string(cache.get(), ConfigKey.MAX_SIZE)
            .flatMap(
                s -> {
                  Optional<Long> bytes = ByteSizes.parse(s.value());
                  if (bytes.isEmpty()) {
                    values
                        .problems()
                        .add(s.mark(), ByteSizes.whyNot(ConfigKey.MAX_SIZE.key(), s.value()));
                  } else if (bytes.get() <= 0) {
                    values.problems().add(s.mark(), "`max_size` must be more than 0");
                    return Optional.<Long>empty();
                  }
                  return bytes;
                })
            .orElse(CacheSettings.DEFAULT.maxSizeBytes());
    Optional<RemoteCacheConfig> remote =
        values.mapping(cache.get(), ConfigKey.REMOTE_KEY).flatMap(this::remote);
    return new CacheSettings(maxSize, remote);
  }

  private Optional<RemoteCacheConfig> remote(LocatedNode.Mapping remote) {
    values.checkKeys(remote, Section.REMOTE);
    Optional<String> kind = values.choice(remote, ConfigKey.KIND, "remote kind");
    if (ValueReader.present(remote, ConfigKey.KIND).isEmpty()) {
      values.problems().add(remote.mark(), "`cache.remote` is missing `kind` (turbo or http)");
    }
    Optional<URI> url = values.string(remote, ConfigKey.URL).flatMap(this::url);
    if (ValueReader.present(remote, ConfigKey.URL).isEmpty()) {
      values.problems().add(remote.mark(), "`cache.remote` is missing `url`");
    }
    Optional<Located> teamText = values.string(remote, ConfigKey.TEAM);
    Optional<String> team = teamText.map(Located::value);
    if (kind.filter("http"::equals).isPresent() && teamText.isPresent()) {
      values
          .problems()
          .add(teamText.get().mark(), "`team` is for a turbo remote; an http remote has none");
    }
    if (kind.filter("turbo"::equals).isPresent() && team.isEmpty()) {
      values
          .problems()
          .add(
              remote.mark(),
              "a turbo remote needs `team` (the team id or slug the artifacts belong to)");
    }
    Optional<String> tokenEnv = variable(values.string(remote, ConfigKey.TOKEN_ENV), "token_env");
    Optional<String> keyEnv =
        variable(values.string(remote, ConfigKey.SIGNATURE_KEY_ENV), "signature_key_env");
    boolean upload =
        values
            .bool(remote, ConfigKey.UPLOAD)
            .orElse(Boolean.parseBoolean(ConfigKey.UPLOAD.defaultText()));
    Duration timeout = values.duration(remote, ConfigKey.TIMEOUT).orElse(Duration.ofSeconds(2));
    if (timeout.isZero() || timeout.isNegative()) {
      values
          .string(remote, ConfigKey.TIMEOUT)
          .ifPresent(t -> values.problems().add(t.mark(), "`timeout` must be more than 0"));
      timeout = Duration.ofSeconds(2);
    }
    if (kind.isEmpty() || url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RemoteCacheConfig(
            RemoteCacheConfig.Kind.valueOf(kind.get().toUpperCase(Locale.ROOT)),
            url.get(),
            team,
            tokenEnv,
            keyEnv,
            upload,
            timeout));
  }

  private Optional<URI> url(Located text) {
    try {
      URI uri = new URI(text.value());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    values
        .problems()
        .add(text.mark(), "`url` must be an http:// or https:// URL, got `" + text.value() + "`");
    return Optional.empty();
  }

  /** A stage's cache setting: absent or false is off, true is on for every watched file. */
  StageCacheConfig stage(LocatedNode.Mapping stage) {
    Optional<LocatedNode> value = ValueReader.present(stage, ConfigKey.CACHE_KEY);
    if (value.isEmpty()) {
      return StageCacheConfig.OFF;
    }
    if (value.get() instanceof LocatedNode.Mapping mapping) {
      values.checkKeys(mapping, Section.STAGE_CACHE);
      List<String> inputs =
          values.patternList(mapping, ConfigKey.INPUTS, Glob::problem).stream()
              .map(Located::value)
              .toList();
      List<String> env = new ArrayList<>();
      for (Located name : values.stringList(mapping, ConfigKey.ENV)) {
        variable(Optional.of(name), "env").ifPresent(env::add);
      }
      List<String> tools = new ArrayList<>();
      for (Located tool : values.stringList(mapping, ConfigKey.TOOLS)) {
        if (tool.value().isBlank()) {
          values.problems().add(tool.mark(), "a command in `tools` must not be empty");
        } else {
          tools.add(tool.value());
        }
      }
      return new StageCacheConfig(true, inputs, env, tools);
    }
    Optional<Boolean> on = Optional.empty();
    if (value.get() instanceof LocatedNode.Scalar s
        && (s.type() == LocatedNode.ScalarType.BOOLEAN
            || s.text().equalsIgnoreCase("true")
            || s.text().equalsIgnoreCase("false"))) {
      on = values.bool(stage, ConfigKey.CACHE_KEY);
    }
    if (on.isEmpty()) {
      String got =
          value.get() instanceof LocatedNode.Scalar s
              ? "`" + s.text() + "`"
              : value.get().describe();
      values
          .problems()
          .add(
              value.get().mark(),
              "`cache` in a stage must be true, false or a mapping with `inputs`, `env`, `tools`,"
                  + " got "
                  + got);
      return StageCacheConfig.OFF;
    }
    return on.get() ? StageCacheConfig.ON : StageCacheConfig.OFF;
  }

  /** The name of an environment variable, reported when it cannot be one. */
  private Optional<String> variable(Optional<Located> name, String key) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (!VARIABLE.matcher(name.get().value()).matches()) {
      values
          .problems()
          .add(
              name.get().mark(),
              "`"
                  + key
                  + "` names an environment variable (letters, digits, `_`), got `"
                  + name.get().value()
                  + "`");
      return Optional.empty();
    }
    return Optional.of(name.get().value());
  }
}
