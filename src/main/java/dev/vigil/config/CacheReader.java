package dev.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the top-level {@code cache:} section and a stage's {@code cache:} key. */
final class CacheReader {
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
    Optional<String> team = values.string(remote, ConfigKey.TEAM).map(Located::value);
    if (kind.filter("turbo"::equals).isPresent() && team.isEmpty()) {
      values
          .problems()
          .add(
              remote.mark(),
              "a turbo remote needs `team` (the team id or slug the artifacts belong to)");
    }
    Optional<String> tokenEnv = values.string(remote, ConfigKey.TOKEN_ENV).map(Located::value);
    Optional<String> keyEnv =
        values.string(remote, ConfigKey.SIGNATURE_KEY_ENV).map(Located::value);
    boolean upload =
        values
            .bool(remote, ConfigKey.UPLOAD)
            .orElse(Boolean.parseBoolean(ConfigKey.UPLOAD.defaultText()));
    Duration timeout = values.duration(remote, ConfigKey.TIMEOUT).orElse(Duration.ofSeconds(2));
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
      return new StageCacheConfig(
          true,
          strings(mapping, ConfigKey.INPUTS),
          strings(mapping, ConfigKey.ENV),
          strings(mapping, ConfigKey.TOOLS));
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

  private java.util.List<String> strings(LocatedNode.Mapping mapping, ConfigKey key) {
    return values.stringList(mapping, key).stream()
        .map(Located::value)
        .collect(Collectors.toList());
  }
}
