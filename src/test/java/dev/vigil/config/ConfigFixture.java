package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes config files into a temp directory and reads back what the loader says about them. */
final class ConfigFixture {
  private final Path dir;

  ConfigFixture(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  VigilConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(write("vigil.yaml", yaml));
  }

  /** The problems in {@code text} written as {@code name}, each as "LINE:COL: message". */
  List<String> problems(String name, String text) {
    Path file = write(name, text);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("expected %s to be rejected", name).isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
    return e.problems().stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.message())
        .collect(Collectors.toList());
  }

  List<String> problems(String yaml) {
    return problems("vigil.yaml", yaml);
  }
}
