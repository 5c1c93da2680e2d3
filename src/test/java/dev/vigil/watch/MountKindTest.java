package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountKindTest {
  @Test
  void networkAndSharedFileSystemsDoNotDeliverEvents() {
    for (String type :
        new String[] {
          "nfs", "nfs4", "cifs", "smb3", "9p", "fuse.sshfs", "vboxsf", "drvfs", "virtiofs"
        }) {
      assertThat(new MountKind(type).deliversEvents()).as(type).isFalse();
    }
  }

  @Test
  void localFileSystemsDo() {
    for (String type :
        new String[] {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "unknown"}) {
      assertThat(new MountKind(type).deliversEvents()).as(type).isTrue();
    }
  }

  @Test
  void readsTheTypeOfARealDirectory(@TempDir Path dir) {
    assertThat(MountKind.of(dir).type()).isNotBlank().isNotEqualTo("unknown");
  }

  @Test
  void missingPathIsUnknown(@TempDir Path dir) {
    assertThat(MountKind.of(dir.resolve("nope")).type()).isEqualTo("unknown");
  }
}
