package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.run.RecordMapper;
import dev.vigil.run.RunRecord;
import java.io.UncheckedIOException;

/**
 * The JSON form of run records and status snapshots: instants as ISO-8601 strings, nulls kept,
 * fields in declared order, one compact line per value.
 */
public final class Json {
  private final ObjectMapper mapper;

  public Json() {
    this.mapper = create();
  }

  /** A new mapper configured the way status.json and history.jsonl are written. */
  public static ObjectMapper create() {
    return RecordMapper.create();
  }

  /** The configured mapper, for callers that serialize their own records the same way. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** One compact line of JSON, without a line break. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Reads one run record, as a line of history.jsonl holds it. */
  public RunRecord readRun(String json) throws JsonProcessingException {
    return mapper.readValue(json, RunRecord.class);
  }

  /** Reads the whole of a status.json file's text. */
  public StatusSnapshot readStatus(String json) throws JsonProcessingException {
    return mapper.readValue(json, StatusSnapshot.class);
  }
}
