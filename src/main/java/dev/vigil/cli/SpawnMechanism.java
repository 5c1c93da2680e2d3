package dev.vigil.cli;

import java.util.Optional;

/**
 * How the JDK starts stage commands. Its default on Linux, posix_spawn, starts the JDK's own {@code
 * jspawnhelper}, which then executes the command: two program loads per command. vfork loads the
 * command directly, which takes 2.5 ms off the start of every command here ({@code
 * bench/save-latency.sh}; a spawn of {@code sh -c true} from Java, median 5.1 → 2.6 ms). JDK 25
 * deprecates vfork and warns when it is asked for, so it is chosen only on the JDKs before that
 * which vigil runs on (17 and 21), and a mechanism the user set with {@code
 * -Djdk.lang.Process.launchMechanism} stands.
 */
final class SpawnMechanism {
  static final String PROPERTY = "jdk.lang.Process.launchMechanism";

  private SpawnMechanism() {}

  /** The mechanism to set on a JDK of this feature release, or empty to leave the JDK's own. */
  static Optional<String> choose(String os, int jdkFeature, String userSetting) {
    if (userSetting != null || !os.startsWith("Linux") || jdkFeature > 21) {
      return Optional.empty();
    }
    return Optional.of("VFORK");
  }

  /** Sets the mechanism for this JVM; call it before the first command starts. */
  static void apply() {
    choose(
            System.getProperty("os.name", ""),
            Runtime.version().feature(),
            System.getProperty(PROPERTY))
        .ifPresent(mechanism -> System.setProperty(PROPERTY, mechanism));
  }
}
