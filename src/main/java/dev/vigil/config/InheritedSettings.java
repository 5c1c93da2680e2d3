package dev.vigil.config;

import java.time.Duration;
import java.util.Locale;

/** The settings that flow from built-in defaults to {@code defaults:} to a project. */
record InheritedSettings(
    Duration debounce,
    Duration maxWait,
    BusyPolicy onBusy,
    Duration timeout,
    Duration killGrace,
    boolean runOnStart) {

  /** The defaults registered in {@link ConfigKey}. */
  static InheritedSettings builtIn() {
    return new InheritedSettings(
        builtInDuration(ConfigKey.DEBOUNCE),
        builtInDuration(ConfigKey.MAX_WAIT),
        BusyPolicy.valueOf(ConfigKey.ON_BUSY.defaultText().toUpperCase(Locale.ROOT)),
        builtInDuration(ConfigKey.TIMEOUT),
        builtInDuration(ConfigKey.KILL_GRACE),
        Boolean.parseBoolean(ConfigKey.RUN_ON_START.defaultText()));
  }

  private static Duration builtInDuration(ConfigKey key) {
    return Durations.parse(key.defaultText()).orElseThrow();
  }

  /** These settings with the ones written in {@code mapping} on top. */
  InheritedSettings overriddenBy(LocatedNode.Mapping mapping, ValueReader values) {
    return new InheritedSettings(
        values.duration(mapping, ConfigKey.DEBOUNCE).orElse(debounce),
        values.duration(mapping, ConfigKey.MAX_WAIT).orElse(maxWait),
        values
            .choice(mapping, ConfigKey.ON_BUSY)
            .map(s -> BusyPolicy.valueOf(s.toUpperCase(Locale.ROOT)))
            .orElse(onBusy),
        values.duration(mapping, ConfigKey.TIMEOUT).orElse(timeout),
        values.duration(mapping, ConfigKey.KILL_GRACE).orElse(killGrace),
        values.bool(mapping, ConfigKey.RUN_ON_START).orElse(runOnStart));
  }
}
