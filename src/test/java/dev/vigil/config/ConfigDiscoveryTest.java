package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {
  @TempDir Path tmp;
  Path cwd;
  Path home;
  Path xdg;

  @BeforeEach
  void setUp() throws IOException {
    cwd = Files.createDirectories(tmp.resolve("work"));
    home = Files.createDirectories(tmp.resolve("home"));
    xdg = Files.createDirectories(tmp.resolve("xdg"));
  }

  private static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "projects: []\n");
  }

  @Test
  void optionWinsOverEverythingAndIsResolvedAgainstTheWorkingDirectory() throws Exception {
    Path named = touch(cwd.resolve("conf/mine.yaml"));
    Path fromEnv = touch(tmp.resolve("env.yaml"));
    touch(cwd.resolve("vigil.yaml"));

    Optional<Path> found =
        ConfigDiscovery.find(
            Optional.of(Path.of("conf/mine.yaml")),
            Map.of("VIGIL_CONFIG", fromEnv.toString()),
            cwd);

    assertThat(found).contains(named.toAbsolutePath());
  }

  @Test
  void environmentComesSecond() throws Exception {
    Path fromEnv = touch(tmp.resolve("env.yaml"));
    touch(cwd.resolve("vigil.yaml"));

    assertThat(
            ConfigDiscovery.find(Optional.empty(), Map.of("VIGIL_CONFIG", fromEnv.toString()), cwd))
        .contains(fromEnv.toAbsolutePath());
  }

  @Test
  void explicitFileThatDoesNotExistIsAnErrorNamingIt() {
    Path missing = tmp.resolve("missing.yaml");

    ConfigException fromOption =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigDiscovery.find(Optional.of(missing), Map.of(), cwd));
    ConfigException fromEnv =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigDiscovery.find(
                    Optional.empty(), Map.of("VIGIL_CONFIG", missing.toString()), cwd));

    assertThat(fromOption.getMessage())
        .isEqualTo(missing + ":1:1: config file named by --config does not exist");
    assertThat(fromEnv.getMessage())
        .isEqualTo(missing + ":1:1: config file named by $VIGIL_CONFIG does not exist");
  }

  @Test
  void explicitDirectoryIsAnError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigDiscovery.find(Optional.of(cwd), Map.of(), cwd));

    assertThat(e.getMessage())
        .isEqualTo(cwd + ":1:1: config file named by --config is a directory");
  }

  @Test
  void workingDirectoryFileComesThirdInNameOrder() throws Exception {
    touch(xdg.resolve("vigil/vigil.yaml"));
    Path json = touch(cwd.resolve("vigil.json"));
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", xdg.toString(), "VIGIL_CONFIG", "");

    assertThat(ConfigDiscovery.find(Optional.empty(), env, cwd)).contains(json);
    Path yml = touch(cwd.resolve("vigil.yml"));
    assertThat(ConfigDiscovery.find(Optional.empty(), env, cwd)).contains(yml);
    Path yaml = touch(cwd.resolve("vigil.yaml"));
    assertThat(ConfigDiscovery.find(Optional.empty(), env, cwd)).contains(yaml);
  }

  @Test
  void xdgConfigHomeComesLast() throws Exception {
    Path user = touch(xdg.resolve("vigil/vigil.yaml"));

    assertThat(
            ConfigDiscovery.find(Optional.empty(), Map.of("XDG_CONFIG_HOME", xdg.toString()), cwd))
        .contains(user);
  }

  @Test
  void xdgConfigHomeDefaultsToDotConfigUnderHome() throws Exception {
    Path user = touch(home.resolve(".config/vigil/vigil.yaml"));

    assertThat(ConfigDiscovery.find(Optional.empty(), Map.of("HOME", home.toString()), cwd))
        .contains(user);
    assertThat(
            ConfigDiscovery.find(
                Optional.empty(),
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", "relative/ignored"),
                cwd))
        .contains(user);
  }

  @Test
  void nothingFoundIsEmpty() throws Exception {
    assertThat(
            ConfigDiscovery.find(
                Optional.empty(),
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()),
                cwd))
        .isEmpty();
  }

  @Test
  void stateDirOptionThenEnvironment() {
    Path option = tmp.resolve("state-opt");
    Map<String, String> env =
        Map.of(
            "VIGIL_STATE_DIR", tmp.resolve("state-env").toString(),
            "XDG_STATE_HOME", xdg.toString(),
            "HOME", home.toString());

    assertThat(ConfigDiscovery.stateDir(Optional.of(option), env, "Linux")).isEqualTo(option);
    assertThat(ConfigDiscovery.stateDir(Optional.empty(), env, "Linux"))
        .isEqualTo(tmp.resolve("state-env"));
  }

  @Test
  void stateDirFollowsXdgStateHomeOnAnySystem() {
    Map<String, String> env = Map.of("XDG_STATE_HOME", xdg.toString(), "HOME", home.toString());

    assertThat(ConfigDiscovery.stateDir(Optional.empty(), env, "Linux"))
        .isEqualTo(xdg.resolve("vigil"));
    assertThat(ConfigDiscovery.stateDir(Optional.empty(), env, "Mac OS X"))
        .isEqualTo(xdg.resolve("vigil"));
  }

  @Test
  void stateDirDefaultsPerPlatform() {
    Map<String, String> env = Map.of("HOME", home.toString());

    assertThat(ConfigDiscovery.stateDir(Optional.empty(), env, "Linux"))
        .isEqualTo(home.resolve(".local/state/vigil"));
    assertThat(ConfigDiscovery.stateDir(Optional.empty(), env, "Mac OS X"))
        .isEqualTo(home.resolve("Library/Application Support/vigil"));
  }

  @Test
  void stateDirFallsBackToUserHomeWithoutHome() {
    assertThat(ConfigDiscovery.stateDir(Optional.empty(), Map.of(), "Linux"))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "vigil"));
  }
}
