package dev.vigil.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.config.ProjectConfig;
import dev.vigil.run.RecordMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A project's whole resolved config as one SHA-256: equal for equal configs, whichever process
 * loaded them, so {@code vigil once} can tell whether the running daemon has the project it was
 * given.
 */
public final class ConfigDigest {
  private static final ObjectMapper MAPPER =
      RecordMapper.create().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ConfigDigest() {}

  public static String of(ProjectConfig project) {
    try {
      byte[] json = MAPPER.writeValueAsString(project).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest the config of " + project.name(), e);
    }
  }
}
