package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {
  @TempDir Path tmp;

  @Test
  void theArchiveIsNamedAsTheLauncherNamesItFromTheJarsRealPath() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("caf\u00e9 \u00fc"));
    Path jar = Files.writeString(dir.resolve("vigil.jar"), "");
    Path link = Files.createSymbolicLink(tmp.resolve("link.jar"), jar);
    String real = jar.toRealPath().toString();

    CdsArchive archive = CdsArchive.of(link, Map.of("XDG_CACHE_HOME", tmp.toString()));

    // The launcher's own function, taken from scripts/vigil.
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "source <(sed -n '/^cds_key()/,/^}/p' scripts/vigil); cds_key \"$1\"; echo $key",
                "bash",
                real)
            .start();
    String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).isZero();
    assertThat(archive.file()).isEqualTo(tmp.resolve("vigil").resolve("cds-" + expected + ".jsa"));
  }

  @Test
  void withoutXdgCacheHomeTheArchiveLivesUnderDotCache() throws IOException {
    Path jar = Files.writeString(tmp.resolve("vigil.jar"), "");

    CdsArchive archive = CdsArchive.of(jar, Map.of("HOME", tmp.resolve("home").toString()));

    assertThat(archive.file().getParent()).isEqualTo(tmp.resolve("home/.cache/vigil"));
    assertThat(archive.jvmFlags()).contains("-XX:SharedArchiveFile=" + archive.file());
  }
}
