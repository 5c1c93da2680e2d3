package dev.vigil.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RecordMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Artifacts as bytes: a header line {@code vigil-cache 1 <signature>}, the length of the record's
 * JSON, the JSON, then the log's bytes. The signature is HMAC-SHA256 over the key and everything
 * after the header, hex, or {@code -} when unsigned; it binds the artifact to its key, so an
 * artifact copied under another key is refused too.
 */
final class ArtifactCodec {
  private static final String MAGIC = "vigil-cache " + KeyMaker.FORMAT_VERSION + " ";

  /** The JSON part. */
  record Meta(
      String key,
      String runId,
      Instant at,
      long durationMs,
      String outputTail,
      List<Diagnostic> diagnostics) {}

  private final ObjectMapper json = RecordMapper.create();
  private final Optional<byte[]> signingKey;

  /** A codec that signs with {@code signingKey} and accepts only artifacts it signed. */
  ArtifactCodec(Optional<byte[]> signingKey) {
    this.signingKey = signingKey.map(byte[]::clone);
  }

  byte[] encode(Artifact a) {
    try {
      byte[] meta =
          json.writeValueAsBytes(
              new Meta(
                  a.key(), a.runId(), a.at(), a.durationMs(), a.outputTail(), a.diagnostics()));
      ByteArrayOutputStream body = new ByteArrayOutputStream(meta.length + a.log().length + 16);
      body.write((meta.length + "\n").getBytes(StandardCharsets.US_ASCII));
      body.write(meta);
      body.write(a.log());
      byte[] bodyBytes = body.toByteArray();
      String signature = signingKey.map(k -> Sha256.hex(hmac(k, a.key(), bodyBytes))).orElse("-");
      ByteArrayOutputStream out = new ByteArrayOutputStream(bodyBytes.length + 80);
      out.write((MAGIC + signature + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bodyBytes);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a cache artifact", e);
    }
  }

  /** The signature in an encoded artifact's header, {@code -} when unsigned. */
  static String signatureOf(byte[] encoded) {
    int end = indexOf(encoded, 0);
    String header = end < 0 ? "" : new String(encoded, 0, end, StandardCharsets.US_ASCII);
    return header.startsWith(MAGIC) ? header.substring(MAGIC.length()) : "-";
  }

  /** The artifact, or empty with the reason when the bytes are not a valid one for this key. */
  Result decode(String key, byte[] bytes) {
    int headerEnd = indexOf(bytes, 0);
    if (headerEnd < 0) {
      return Result.refused("not a vigil cache artifact");
    }
    String header = new String(bytes, 0, headerEnd, StandardCharsets.US_ASCII);
    if (!header.startsWith(MAGIC)) {
      return Result.refused("not a vigil cache artifact of format " + KeyMaker.FORMAT_VERSION);
    }
    String signature = header.substring(MAGIC.length());
    byte[] body = Arrays.copyOfRange(bytes, headerEnd + 1, bytes.length);
    if (signingKey.isPresent()) {
      byte[] expected = hmac(signingKey.get(), key, body);
      if (signature.equals("-")) {
        return Result.refused("unsigned");
      }
      byte[] given;
      try {
        given = java.util.HexFormat.of().parseHex(signature);
      } catch (IllegalArgumentException e) {
        return Result.refused("bad signature");
      }
      if (!MessageDigest.isEqual(expected, given)) {
        return Result.refused("bad signature");
      }
    }
    try {
      int lengthEnd = indexOf(body, 0);
      int length = Integer.parseInt(new String(body, 0, lengthEnd, StandardCharsets.US_ASCII));
      int metaStart = lengthEnd + 1;
      if (length < 0 || metaStart + length > body.length) {
        return Result.refused("truncated");
      }
      Meta meta = json.readValue(body, metaStart, length, new TypeReference<Meta>() {});
      if (!key.equals(meta.key())) {
        return Result.refused("stored under another key");
      }
      byte[] log = Arrays.copyOfRange(body, metaStart + length, body.length);
      return new Result(
          Optional.of(
              new Artifact(
                  meta.key(),
                  meta.runId(),
                  meta.at(),
                  meta.durationMs(),
                  meta.outputTail() == null ? "" : meta.outputTail(),
                  meta.diagnostics() == null ? List.of() : meta.diagnostics(),
                  log)),
          "");
    } catch (IOException | RuntimeException e) {
      return Result.refused("garbled");
    }
  }

  /** A decoded artifact, or why there is none. */
  record Result(Optional<Artifact> artifact, String refusal) {
    static Result refused(String why) {
      return new Result(Optional.empty(), why);
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length && i < from + 4096; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] hmac(byte[] secret, String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(key.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '\n');
      mac.update(ByteBuffer.wrap(body));
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
