package dev.vigil.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.vigil.files.RawNames;
import java.io.IOException;

/** Writes a file name into JSON as people read it: bytes that are not UTF-8 become U+FFFD. */
final class ReadableName extends StdSerializer<String> {
  ReadableName() {
    super(String.class);
  }

  @Override
  public void serialize(String name, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    json.writeString(RawNames.readable(name));
  }
}
