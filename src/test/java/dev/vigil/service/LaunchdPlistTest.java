package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchdPlistTest {
  @Test
  void plistParsesBackWithTheAgentKeys() throws Exception {
    ServiceSpec spec =
        new ServiceSpec(
            Path.of("/opt/java & co/bin/java"),
            ServiceSpec.LEAN_FLAGS,
            Path.of("/Users/me/<tools>/vigil.jar"),
            Optional.of(Path.of("/Users/me/dev/vigil.yaml")),
            Path.of("/Users/me/Library/Application Support/vigil"),
            true,
            "/opt/homebrew/bin:/usr/bin",
            Optional.empty());

    Map<String, Object> plist = PropertyList.parse(LaunchdPlist.render(spec));

    assertThat(plist)
        .contains(
            entry("Label", "dev.vigil.daemon"),
            entry("RunAtLoad", true),
            entry("KeepAlive", Map.of("SuccessfulExit", false)),
            entry("ProcessType", "Background"),
            entry(
                "EnvironmentVariables",
                Map.of(
                    "PATH", "/opt/homebrew/bin:/usr/bin",
                    "VIGIL_STATE_DIR", "/Users/me/Library/Application Support/vigil")),
            entry(
                "StandardOutPath",
                "/Users/me/Library/Application Support/vigil/logs/daemon.out.log"),
            entry(
                "StandardErrorPath",
                "/Users/me/Library/Application Support/vigil/logs/daemon.err.log"));
    List<String> args = new java.util.ArrayList<>();
    args.add("/opt/java & co/bin/java");
    args.addAll(ServiceSpec.LEAN_FLAGS);
    args.addAll(
        List.of(
            "-jar",
            "/Users/me/<tools>/vigil.jar",
            "daemon",
            "--config",
            "/Users/me/dev/vigil.yaml",
            "--state-dir",
            "/Users/me/Library/Application Support/vigil"));
    assertThat(plist.get("ProgramArguments")).isEqualTo(args);
  }
}
