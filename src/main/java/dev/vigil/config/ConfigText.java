package dev.vigil.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What reading a config file gave: its text, or why there is none. */
sealed interface ConfigText {
  /** The file's text, read as UTF-8. */
  record Text(String text) implements ConfigText {}

  /** No readable text, and why, in words that follow the file's name ("does not exist"). */
  record Unreadable(String why) implements ConfigText {}

  /** Reads {@code file} as strict UTF-8. */
  static ConfigText read(Path file) {
    if (Files.isDirectory(file)) {
      return new Unreadable("is a directory");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Unreadable("does not exist");
    } catch (IOException e) {
      return new Unreadable("cannot be read: " + e);
    }
    try {
      return new Text(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return new Unreadable("is not valid UTF-8 text");
    }
  }
}
