package dev.vigil.service;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the running vigil is installed: its jar and its launcher script. */
public final class Installation {
  private Installation() {}

  /**
   * The jar this code runs from; when running from a classes directory (a build tree), the {@code
   * vigil.jar} beside it if there is one.
   */
  public static Optional<Path> runningJar() {
    return codeLocation()
        .flatMap(
            location -> {
              if (Files.isRegularFile(location)) {
                return Optional.of(location);
              }
              Path built = location.resolveSibling("vigil.jar");
              return Files.isRegularFile(built) ? Optional.of(built) : Optional.empty();
            });
  }

  /**
   * The vigil launcher: {@code scripts/vigil} of the checkout the running jar was built in, else
   * {@code vigil} on the PATH in {@code env}.
   */
  public static Optional<Path> launcher(Map<String, String> env) {
    Optional<Path> location = codeLocation();
    if (location.isPresent()) {
      Path dir = location.get().getParent();
      for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
        Path script = dir.resolve("scripts").resolve("vigil");
        if (Files.isRegularFile(script) && Files.isExecutable(script)) {
          return Optional.of(script);
        }
      }
    }
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "vigil");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toAbsolutePath().normalize());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath()
              .normalize());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
