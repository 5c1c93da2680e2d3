package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.service.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {
  @TempDir Path tmp;
  Path home;
  Path xdg;
  Path jar;
  Path config;
  Path unit;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    xdg = Files.createDirectories(tmp.resolve("xdg"));
    jar = Files.writeString(tmp.resolve("vigil.jar"), "");
    config =
        Files.writeString(
            Files.createDirectories(tmp.resolve("work")).resolve("vigil.yaml"), "version: 1\n");
    unit = xdg.resolve("systemd/user/vigil.service");
  }

  private CommandHarness cli(Map<String, String> env) {
    return new CommandHarness(env, config.getParent());
  }

  private Map<String, String> env() {
    return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString(), "PATH", "/x:/y");
  }

  @Test
  void withoutSystemdManagerInstallWritesTheUnitAndPrintsTheCommandsToRunLater()
      throws IOException {
    FakeServiceManager manager =
        FakeServiceManager.with("systemctl")
            .answer("systemctl --user show-environment", 1, "no bus");
    CommandHarness cli = cli(env());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(unit))
        .contains("-jar " + jar + " daemon\n")
        .contains("WorkingDirectory=" + xdg.resolve("vigil") + "\n")
        .contains("Environment=\"PATH=/x:/y\"");
    assertThat(cli.out())
        .contains("wrote " + unit)
        .contains("no systemd user manager answers (no bus)")
        .contains("  systemctl --user daemon-reload\n")
        .contains("  systemctl --user enable --now vigil.service\n");
    assertThat(manager.calls()).containsExactly("systemctl --user show-environment");
  }

  @Test
  void installRunsTheDaemonOnTheUserConfigCreatingItAndPrintsTheNextSteps() throws IOException {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    Path user = xdg.resolve("vigil/vigil.yaml");
    assertThat(code).isZero();
    assertThat(Files.readString(unit)).doesNotContain("--config");
    assertThat(Files.readString(user)).startsWith("#").contains("include: []\n");
    assertThat(cli.out())
        .contains("created " + user)
        .contains("next steps:")
        .containsPattern(
            "\\n  \\S*vigil add " + java.util.regex.Pattern.quote(config.getParent().toString()))
        .containsPattern("\\n  \\S*vigil status")
        .contains("  journalctl --user -u vigil");

    String before = Files.readString(user);
    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());
    assertThat(Files.readString(user)).isEqualTo(before);
    assertThat(cli.out()).doesNotContain("created " + user);
  }

  @Test
  void anExplicitConfigIsStillPassedToTheDaemon() throws IOException {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");

    int code =
        cli(env())
            .run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--config",
                config.toString(),
                "--jar",
                jar.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(unit)).contains(" daemon --config " + config + "\n");
  }

  @Test
  void withSystemdManagerInstallReloadsAndEnablesTheUnit() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");

    int code =
        cli(env())
            .run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--jar",
                jar.toString());

    assertThat(code).isZero();
    assertThat(unit).exists();
    assertThat(manager.calls())
        .containsExactly(
            "systemctl --user show-environment",
            "systemctl --user daemon-reload",
            "systemctl --user enable --now vigil.service");
  }

  @Test
  void reinstallRestartsTheRunningService() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());
    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    assertThat(code).isZero();
    assertThat(cli.out()).contains("replaced " + unit);
    assertThat(manager.calls()).endsWith("systemctl --user restart vigil.service");
  }

  @Test
  void theUnitStartsTheDaemonWithTheLaunchersAppCdsArchiveFromTheCacheDir() throws IOException {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    Path cache = tmp.resolve("cache");
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("XDG_CACHE_HOME", cache.toString());

    int code =
        cli(env)
            .run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--jar",
                jar.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(unit))
        .containsPattern(
            "-XX:SharedArchiveFile=" + cache.resolve("vigil") + "/cds-[0-9a-f]{16}\\.jsa ")
        .contains("-Xlog:cds=off")
        .contains("-jar " + jar + " daemon\n");
  }

  @Test
  void homeWithoutXdgConfigHomePutsTheUnitUnderDotConfig() {
    FakeServiceManager manager = FakeServiceManager.with();
    Map<String, String> env = Map.of("HOME", home.toString(), "PATH", "/bin");

    int code =
        cli(env)
            .run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--jar",
                jar.toString());

    assertThat(code).isZero();
    assertThat(home.resolve(".config/systemd/user/vigil.service")).exists();
    assertThat(unit).doesNotExist();
  }

  @Test
  void dryRunPrintsTheUnitAndWritesAndRunsNothing() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"),
            "install",
            "--dry-run",
            "--jar",
            jar.toString(),
            "--state-dir",
            "st");

    assertThat(code).isZero();
    assertThat(cli.out())
        .contains("would write " + unit)
        .contains("[Service]")
        .contains("--state-dir " + config.getParent().resolve("st"));
    assertThat(xdg.resolve("systemd")).doesNotExist();
    assertThat(manager.calls()).isEmpty();
  }

  @Test
  void uninstallStopsAndRemovesTheUnit() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());
    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    int code = cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "uninstall");

    assertThat(code).isZero();
    assertThat(unit).doesNotExist();
    assertThat(cli.out()).contains("removed " + unit);
    assertThat(manager.calls())
        .endsWith("systemctl --user disable --now vigil.service", "systemctl --user daemon-reload");
  }

  @Test
  void uninstallWithNothingInstalledSaysSoAndSucceeds() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());

    int code = cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "uninstall");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("not installed: " + unit + " does not exist");
    assertThat(manager.calls()).isEmpty();
  }

  @Test
  void statusSaysWhetherInstalledAndRunningAndWhereTheLogsAre() {
    FakeServiceManager manager =
        FakeServiceManager.with("systemctl").answer("systemctl --user is-active", 0, "active");
    CommandHarness cli = cli(env());
    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "status");
    assertThat(cli.out()).contains("installed: no").contains("running:   not running");

    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());
    int code = cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "status");

    assertThat(code).isZero();
    assertThat(cli.out())
        .contains("installed: yes, " + unit)
        .contains("running:   active")
        .contains("logs:      journalctl --user -u vigil");
  }

  @Test
  void launchdTargetWritesTheAgentUnderHomeAndBootstrapsIt() {
    FakeServiceManager manager =
        FakeServiceManager.with("launchctl", "id").answer("id -u", 0, "501");
    CommandHarness cli = cli(env());
    Path state = tmp.resolve("state");

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"),
            "install",
            "--target",
            "launchd",
            "--jar",
            jar.toString(),
            "--state-dir",
            state.toString());

    Path plist = home.resolve("Library/LaunchAgents/dev.vigil.daemon.plist");
    assertThat(code).isZero();
    assertThat(plist).exists();
    assertThat(state.resolve("logs")).isDirectory();
    assertThat(manager.calls()).contains("launchctl bootstrap gui/501 " + plist);
    assertThat(cli.out()).contains("logs: " + state.resolve("logs/daemon.out.log"));
  }

  @Test
  void launchdIsTheDefaultOnMacAndWithoutLaunchctlTheCommandIsPrinted() {
    FakeServiceManager manager = FakeServiceManager.with();
    CommandHarness cli = cli(env());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Mac OS X"),
            "install",
            "--jar",
            jar.toString());

    Path plist = home.resolve("Library/LaunchAgents/dev.vigil.daemon.plist");
    assertThat(code).isZero();
    assertThat(plist).exists();
    assertThat(cli.out())
        .contains("launchctl is not on the PATH")
        .contains("  launchctl bootstrap \"gui/$(id -u)\" " + plist);
  }

  @Test
  void aFailingSystemctlIsReportedWithItsOutput() {
    FakeServiceManager manager =
        FakeServiceManager.with("systemctl")
            .answer("systemctl --user enable", 1, "Failed to enable unit: Access denied");
    CommandHarness cli = cli(env());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "systemctl --user enable --now vigil.service failed (exit 1): Failed to enable unit:"
                + " Access denied");
  }

  @Test
  void badOptionsGetAClearMessage() {
    FakeServiceManager manager = FakeServiceManager.with();
    CommandHarness cli = cli(env());

    assertThat(
            cli.run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--target",
                "upstart",
                "--jar",
                jar.toString()))
        .isEqualTo(2);
    assertThat(cli.err()).contains("unknown service target 'upstart'; choose systemd or launchd");

    assertThat(
            cli.run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--config",
                "nope.yaml",
                "--jar",
                jar.toString()))
        .isEqualTo(2);
    assertThat(cli.err())
        .contains(
            config.getParent().resolve("nope.yaml")
                + ":1:1: config file named by --config does not exist");

    assertThat(
            cli.run(
                ctx -> new ServiceCommand(ctx, manager, "Linux"),
                "install",
                "--jar",
                "missing.jar"))
        .isEqualTo(2);
    assertThat(cli.err())
        .contains("--jar " + config.getParent().resolve("missing.jar") + " is not a file");
    assertThat(unit).doesNotExist();
  }

  @Test
  void uninstallDryRunOnlySaysWhatItWouldDo() {
    FakeServiceManager manager = FakeServiceManager.with("systemctl");
    CommandHarness cli = cli(env());
    cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "install", "--jar", jar.toString());
    int before = manager.calls().size();

    int code = cli.run(ctx -> new ServiceCommand(ctx, manager, "Linux"), "uninstall", "--dry-run");

    assertThat(code).isZero();
    assertThat(unit).exists();
    assertThat(manager.calls()).hasSize(before);
    assertThat(cli.out())
        .contains("would run systemctl --user disable --now vigil.service")
        .contains("would remove " + unit);
  }

  @Test
  void launchdStatusReportsTheAgentStateAndItsLogFiles() {
    FakeServiceManager manager =
        FakeServiceManager.with("launchctl", "id")
            .answer("id -u", 0, "501")
            .answer("launchctl print", 0, "gui/501/dev.vigil.daemon = {\n\tstate = running\n}");
    CommandHarness cli = cli(env());
    Path state = tmp.resolve("state");
    cli.run(
        ctx -> new ServiceCommand(ctx, manager, "Mac OS X"), "install", "--jar", jar.toString());

    int code =
        cli.run(
            ctx -> new ServiceCommand(ctx, manager, "Mac OS X"),
            "status",
            "--state-dir",
            state.toString());

    assertThat(code).isZero();
    assertThat(cli.out())
        .contains("running:   loaded (state = running)")
        .contains(
            "logs:      "
                + state.resolve("logs/daemon.out.log")
                + ", "
                + state.resolve("logs/daemon.err.log"));
    assertThat(manager.calls()).contains("launchctl print gui/501/dev.vigil.daemon");
  }

  @Test
  void launchdUninstallBootsTheAgentOutAndRemovesIt() {
    FakeServiceManager manager =
        FakeServiceManager.with("launchctl", "id").answer("id -u", 0, "501");
    CommandHarness cli = cli(env());
    cli.run(
        ctx -> new ServiceCommand(ctx, manager, "Mac OS X"), "install", "--jar", jar.toString());

    int code = cli.run(ctx -> new ServiceCommand(ctx, manager, "Mac OS X"), "uninstall");

    Path plist = home.resolve("Library/LaunchAgents/dev.vigil.daemon.plist");
    assertThat(code).isZero();
    assertThat(plist).doesNotExist();
    assertThat(manager.calls()).endsWith("launchctl bootout gui/501/dev.vigil.daemon");
  }
}
