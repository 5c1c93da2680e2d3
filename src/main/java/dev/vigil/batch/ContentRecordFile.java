package dev.vigil.batch;

import dev.vigil.files.OwnerOnly;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content record of one project kept on disk between daemon runs, so that a restarted daemon
 * stats the tree instead of reading it.
 *
 * <p>Layout: the magic {@code VGCR}, a format version, the project root, the number of entries,
 * then per entry its relative path, size, modification time (nanoseconds) and the SHA-256 of its
 * content (32 bytes), and last a CRC32C of everything before it. Written to a temp file in the same
 * folder, owner-only, then renamed over the old one. A file that is missing, truncated, corrupt, of
 * another version or of another root is ignored (logged); the walk then reads every file, as on a
 * first start.
 *
 * <p>A modification time within {@link ContentBaseline#RACY_WINDOW} of the moment of writing is
 * saved as untrusted (git's racy-clean rule): a write in the same tick would leave size and time as
 * they were, so that file is read again at the next start.
 */
final class ContentRecordFile {
  static final int MAGIC = 0x56474352; // "VGCR"

  /** 2: the content is a SHA-256 (four longs); 1 had a 64-bit CRC pair, and is ignored. */
  static final int VERSION = 2;

  private static final Logger log = LoggerFactory.getLogger(ContentRecordFile.class);

  private ContentRecordFile() {}

  /** Writes a snapshot of the table atomically; {@code writtenAtNanos} decides which are racy. */
  static void save(Path file, Path root, RecordedFingerprints entries, long writtenAtNanos)
      throws IOException {
    RecordedFingerprints.Snapshot snapshot = entries.snapshot();
    Path dir = file.toAbsolutePath().getParent();
    OwnerOnly.createDirectories(dir);
    // A name of its own: an old runtime's save at a config reload may overlap the new one's.
    Path temp = dir.resolve(file.getFileName() + "." + System.nanoTime() + ".tmp");
    long trustedBefore = writtenAtNanos - ContentBaseline.RACY_WINDOW.toNanos();
    CRC32C crc = new CRC32C();
    try (OutputStream raw = OwnerOnly.newOutputStream(temp);
        BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
        CheckedOutputStream checked = new CheckedOutputStream(buffered, crc);
        DataOutputStream out = new DataOutputStream(checked)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(root.toString());
      int present = 0;
      for (int i = 0; i < snapshot.size(); i++) {
        if (!snapshot.fingerprint(i).absent()) {
          present++;
        }
      }
      out.writeInt(present);
      for (int i = 0; i < snapshot.size(); i++) {
        Fingerprint f = snapshot.fingerprint(i);
        if (f.absent()) {
          continue;
        }
        out.writeUTF(snapshot.path(i));
        out.writeLong(f.size());
        out.writeLong(
            f.mtimeNanos() >= trustedBefore ? Fingerprint.UNTRUSTED_MTIME : f.mtimeNanos());
        out.writeLong(f.sha0());
        out.writeLong(f.sha1());
        out.writeLong(f.sha2());
        out.writeLong(f.sha3());
      }
      out.flush();
      buffered.write(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The entries saved for {@code root}, or an empty table when there is no usable file. */
  static RecordedFingerprints load(Path file, Path root) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new RecordedFingerprints();
    } catch (IOException e) {
      log.info("content record {} not read ({}); reading every file", file, e.toString());
      return new RecordedFingerprints();
    }
    try {
      return parse(bytes, root);
    } catch (IOException | RuntimeException e) {
      log.info("content record {} ignored: {}; reading every file", file, e.getMessage());
      return new RecordedFingerprints();
    }
  }

  private static RecordedFingerprints parse(byte[] bytes, Path root) throws IOException {
    int body = bytes.length - Long.BYTES;
    if (body < 2 * Integer.BYTES) {
      throw new IOException("truncated (" + bytes.length + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, body);
    if (ByteBuffer.wrap(bytes, body, Long.BYTES).getLong() != crc.getValue()) {
      throw new IOException("checksum mismatch (truncated or corrupt)");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a content record");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("format version " + version + ", expected " + VERSION);
    }
    String savedRoot = in.readUTF();
    if (!savedRoot.equals(root.toString())) {
      throw new IOException("recorded for " + savedRoot + ", not " + root);
    }
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("bad entry count " + count);
    }
    // A table, not a map of objects: what the walk looks up dies young instead of filling the
    // old generation while a restarted daemon gets ready.
    RecordedFingerprints entries = new RecordedFingerprints();
    for (int i = 0; i < count; i++) {
      String path = in.readUTF();
      entries.put(
          path,
          new Fingerprint(
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong()));
    }
    if (in.available() != 0) {
      throw new IOException("trailing bytes");
    }
    return entries;
  }
}
