package dev.vigil.cache;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes a stage's cache key: SHA-256 over the format version, the command as run ({@code {changed}}
 * expanded; shell, working directory relative to the root, output format), the stage's env and the
 * values of the variables its cache names, the output of its tools, the keys of the stages it
 * needs, and the digest of its inputs.
 */
final class KeyMaker {
  /** Changes whenever what goes into a key, or into an artifact, changes meaning. */
  static final int FORMAT_VERSION = 2;

  private final ProjectConfig project;
  private final Function<String, String> environment;

  /**
   * @param environment vigil's environment, for the variables a stage's cache names
   */
  KeyMaker(ProjectConfig project, Function<String, String> environment) {
    this.project = project;
    this.environment = environment;
  }

  /**
   * The stage's key, with {@code commandAsRun} giving a stage's command in this run ({@code
   * {changed}} expanded), the inputs digested by {@code inputs} and {@code toolOutput} giving the
   * output of a tool command, as last taken.
   */
  String key(
      StageConfig stage,
      Function<StageConfig, String> commandAsRun,
      InputIndex inputs,
      Function<String, String> toolOutput) {
    MessageDigest sha = Sha256.digest();
    field(sha, "vigil-cache", Integer.toString(FORMAT_VERSION));
    field(sha, "shell", "sh -c");
    field(sha, "dir", ".");
    field(sha, "run", commandAsRun.apply(stage));
    field(sha, "format", stage.format());
    for (Map.Entry<String, String> e : new TreeMap<>(stage.env()).entrySet()) {
      field(sha, "env", e.getKey() + "=" + e.getValue());
    }
    for (String name : stage.cache().env().stream().sorted().toList()) {
      String value = environment.apply(name);
      field(sha, "var", value == null ? name + " unset" : name + "=" + value);
    }
    for (String tool : stage.cache().tools()) {
      field(sha, "tool", tool + "\0" + toolOutput.apply(tool));
    }
    for (String need : stage.needs().stream().sorted().toList()) {
      StageConfig needed =
          project.stages().stream().filter(s -> s.name().equals(need)).findFirst().orElseThrow();
      field(sha, "need", need + "\0" + key(needed, commandAsRun, inputs, toolOutput));
    }
    field(sha, "inputs", inputs.digest(stage.cache().inputs()));
    return Sha256.hex(sha.digest());
  }

  private static void field(MessageDigest sha, String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update(name.getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) 0);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) 0);
    sha.update(bytes);
  }
}
