package dev.vigil.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.run.Diagnostic;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON tree of a SARIF 2.1.0 log from stage diagnostics. */
final class SarifLog {
  static final String SRCROOT = "%SRCROOT%";

  private final ObjectMapper mapper;
  private final Path root;
  private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();

  SarifLog(ObjectMapper mapper, Path root) {
    this.mapper = mapper;
    this.root = root.toAbsolutePath().normalize();
  }

  ObjectNode build(String project, List<StageDiagnostics> stages) {
    ObjectNode log = mapper.createObjectNode();
    log.put("$schema", SarifWriter.SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "vigil");
    ArrayNode rules = driver.putArray("rules");
    run.putObject("automationDetails").put("id", project + "/");
    String rootUri = root.toUri().toString();
    rootUri = rootUri.endsWith("/") ? rootUri : rootUri + "/"; // SARIF wants a directory URI
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", rootUri);
    ArrayNode results = run.putArray("results");
    for (StageDiagnostics stage : stages) {
      for (Diagnostic d : stage.diagnostics()) {
        results.add(result(stage.stage(), d, rules));
      }
    }
    return log;
  }

  private ObjectNode result(String stage, Diagnostic d, ArrayNode rules) {
    ObjectNode result = mapper.createObjectNode();
    if (d.code() != null && !d.code().isEmpty()) {
      result.put("ruleId", d.code());
      result.put("ruleIndex", rule(d.code(), rules));
    }
    result.put("level", level(d.severity()));
    result.putObject("message").put("text", d.message().isEmpty() ? "(no message)" : d.message());
    if (d.file() != null && !d.file().isEmpty()) {
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      artifact(physical.putObject("artifactLocation"), d.file());
      if (d.line() > 0) {
        ObjectNode region = physical.putObject("region").put("startLine", d.line());
        if (d.column() > 0) {
          region.put("startColumn", d.column());
        }
      }
    }
    if (d.fingerprint() != null) {
      result.putObject("partialFingerprints").put("vigil/v1", d.fingerprint());
    }
    ObjectNode properties = result.putObject("properties");
    properties.put("stage", stage);
    properties.put("seen", d.seen());
    return result;
  }

  private int rule(String code, ArrayNode rules) {
    return ruleIndex.computeIfAbsent(
        code,
        c -> {
          rules.addObject().put("id", c);
          return rules.size() - 1;
        });
  }

  /** A path relative to the root under {@code %SRCROOT%}; one outside it as a file URI. */
  private static void artifact(ObjectNode location, String file) {
    String path = file.replace('\\', '/');
    boolean absolute = path.startsWith("/");
    try {
      location.put(
          "uri",
          absolute
              ? new URI("file", "", path, null).toString()
              : new URI(null, null, path, null).getRawPath());
    } catch (URISyntaxException e) {
      location.put("uri", path);
    }
    if (!absolute) {
      location.put("uriBaseId", SRCROOT);
    }
  }

  private static String level(String severity) {
    return switch (severity == null ? "" : severity) {
      case "warning" -> "warning";
      case "note" -> "note";
      default -> "error";
    };
  }
}
