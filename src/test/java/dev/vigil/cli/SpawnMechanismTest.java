package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpawnMechanismTest {
  @Test
  void linuxJdksBeforeTheDeprecationStartCommandsByVfork() {
    assertThat(SpawnMechanism.choose("Linux", 17, null)).contains("VFORK");
    assertThat(SpawnMechanism.choose("Linux", 21, null)).contains("VFORK");
  }

  @Test
  void laterJdksOtherSystemsAndTheUsersOwnSettingAreLeftAlone() {
    assertThat(SpawnMechanism.choose("Linux", 25, null)).isEmpty();
    assertThat(SpawnMechanism.choose("Mac OS X", 17, null)).isEmpty();
    assertThat(SpawnMechanism.choose("Linux", 17, "FORK")).isEmpty();
  }
}
