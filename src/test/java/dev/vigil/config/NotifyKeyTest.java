package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyKeyTest {
  private static final String PROJECTS = "projects: [{name: app, stages: [{name: s, run: x}]}]\n";

  @TempDir Path dir;
  ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void notifyIsOffUnlessTheConfigTurnsItOn() throws Exception {
    assertThat(fixture.load(PROJECTS).notifyOnFailure()).isFalse();
    assertThat(fixture.load("notify: true\n" + PROJECTS).notifyOnFailure()).isTrue();
    assertThat(fixture.load("notify: false\n" + PROJECTS).notifyOnFailure()).isFalse();
  }

  @Test
  void aNotifyThatIsNoBooleanIsReportedWhereItIs() {
    assertThat(fixture.problems("notify: loudly\n" + PROJECTS))
        .containsExactly("1:9: `notify` must be true or false, got `loudly`");
  }

  @Test
  void notifyBelongsAtTheTopLevelOnly() {
    assertThat(
            fixture.problems(
                "projects: [{name: app, notify: true, stages: [{name: s, run: x}]}]\n"))
        .singleElement()
        .asString()
        .contains("key `notify` is not allowed in a project; it belongs at the top level");
  }
}
