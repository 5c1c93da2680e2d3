package dev.vigil.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.report.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a daemon's API listens and the token it wants, as {@code <stateDir>/api.json} holds them.
 *
 * @param url {@code http://127.0.0.1:PORT}
 * @param token the bearer token
 */
public record ApiEndpoint(URI url, String token) {
  /** The file name inside the state dir. */
  public static final String FILE_NAME = "api.json";

  public ApiEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
  }

  /** The dashboard address, with the token in the fragment (never sent to the server). */
  public URI dashboardUrl() {
    return URI.create(url + "/#token=" + token);
  }

  /**
   * Reads {@code <stateDir>/api.json}; empty when there is none.
   *
   * @throws IOException naming the file when it cannot be read or is not an API file
   */
  public static Optional<ApiEndpoint> read(Path stateDir) throws IOException {
    Path file = stateDir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      ApiEndpoint read = new Json().mapper().readValue(text, ApiEndpoint.class);
      if (!"http".equals(read.url().getScheme()) || read.token().isEmpty()) {
        throw new IOException(file + ": not a vigil API file (url " + read.url() + ")");
      }
      return Optional.of(read);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException(file + ": not a vigil API file: " + e.getMessage(), e);
    }
  }
}
