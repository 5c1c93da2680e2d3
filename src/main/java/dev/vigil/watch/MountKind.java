package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file system type under a project root, and whether inotify can be trusted there. Network and
 * VM-shared file systems do not report changes made on the other side.
 *
 * @param type the file system type as the kernel names it (for example {@code ext4}, {@code nfs4})
 */
record MountKind(String type) {
  private static final Logger log = LoggerFactory.getLogger(MountKind.class);

  private static final Set<String> WITHOUT_EVENTS =
      Set.of(
          "nfs",
          "nfs4",
          "cifs",
          "smb3",
          "smbfs",
          "9p",
          "fuse.sshfs",
          "sshfs",
          "vboxsf",
          "drvfs",
          "virtiofs",
          "fuse.rclone",
          "fuse.s3fs",
          "afs",
          "prl_fs",
          "vmhgfs",
          "fuse.vmhgfs-fuse");

  /** The mount kind of the file system holding the path; {@code unknown} if it cannot be read. */
  static MountKind of(Path path) {
    try {
      return new MountKind(Files.getFileStore(path).type());
    } catch (IOException | RuntimeException e) {
      log.debug("cannot read the file system type of {}: {}", path, e.toString());
      return new MountKind("unknown");
    }
  }

  /** Whether changes on this file system are known to reach inotify. */
  boolean deliversEvents() {
    return !WITHOUT_EVENTS.contains(type.toLowerCase(Locale.ROOT));
  }
}
