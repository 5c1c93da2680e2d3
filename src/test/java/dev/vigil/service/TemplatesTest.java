package dev.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-install templates in scripts/ say the same as what {@code vigil service} writes. */
class TemplatesTest {
  private static final ServiceSpec PLACEHOLDERS =
      new ServiceSpec(
          Path.of("@JAVA@"),
          ServiceSpec.LEAN_FLAGS,
          Path.of("@JAR@"),
          Optional.empty(),
          Path.of("@STATE_DIR@"),
          false,
          "@PATH@",
          Optional.empty(),
          Optional.of(Path.of("@USER_CONFIG_DIR@")));

  @Test
  void systemdTemplateIsTheGeneratedUnitBelowItsComment() throws IOException {
    String template = Files.readString(Path.of("scripts", "vigil.service"));

    assertThat(template).startsWith("#");
    String body = template.substring(template.indexOf("[Unit]"));
    assertThat(template.substring(0, template.indexOf("[Unit]")).lines())
        .allMatch(line -> line.startsWith("#"));
    assertThat(body).isEqualTo(SystemdUnit.render(PLACEHOLDERS));
  }

  @Test
  void launchdTemplateIsTheGeneratedPlistWithOneComment() throws Exception {
    String template = Files.readString(Path.of("scripts", "dev.vigil.daemon.plist"));

    int start = template.indexOf("<!--");
    int end = template.indexOf("-->\n") + "-->\n".length();
    assertThat(start).isPositive();
    assertThat(template.substring(0, start) + template.substring(end))
        .isEqualTo(LaunchdPlist.render(PLACEHOLDERS));
    assertThat(PropertyList.parse(template)).containsEntry("Label", "dev.vigil.daemon");
  }
}
