package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnstagedStashTest {
  @TempDir Path repo;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", repo.resolve(".home").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    git("init", "-q");
    Files.writeString(repo.resolve(".gitignore"), ".home/\n");
    write("src/lib.rs", "pub fn f() -> u32 { 1 }\n");
    write("gone.txt", "tracked, deleted in the work tree only\n");
    write("run.sh", "#!/bin/sh\necho v1\n");
    write("naïve file [1].txt", "v1\n");
    Files.write(repo.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n'});
    git("add", "-A");
    git("commit", "-q", "-m", "one");
  }

  @Test
  void theWorkTreeHoldsTheStagedContentMeanwhileAndIsRestoredByteForByte() throws Exception {
    write("src/lib.rs", "pub fn f() -> u32 { \"broken\" }\n");
    git("add", "src/lib.rs");
    write("src/lib.rs", "pub fn f() -> u32 { 2 }\r\n");
    Files.delete(repo.resolve("gone.txt"));
    write("run.sh", "#!/bin/sh\necho unstaged\n");
    Files.setPosixFilePermissions(
        repo.resolve("run.sh"), PosixFilePermissions.fromString("rwx------"));
    write("naïve file [1].txt", "unstaged\n");
    Files.write(repo.resolve("blob.bin"), new byte[] {9, 0, (byte) 0xfe});
    write("untracked.txt", "left alone\n");
    Map<String, String> before = snapshot();

    try (UnstagedStash stash = UnstagedStash.create(env, repo.resolve("src"))) {
      assertThat(stash.setAside()).hasSize(5);
      assertThat(Files.readString(repo.resolve("src/lib.rs"))).contains("\"broken\"");
      assertThat(repo.resolve("gone.txt")).exists();
      assertThat(Files.readString(repo.resolve("run.sh"))).contains("v1");
      assertThat(Files.readString(repo.resolve("naïve file [1].txt"))).isEqualTo("v1\n");
    }

    assertThat(snapshot()).isEqualTo(before);
    assertThat(git("diff", "--cached", "--name-only").strip()).isEqualTo("src/lib.rs");
  }

  @Test
  void aFailureMeanwhileStillRestores() throws Exception {
    write("src/lib.rs", "staged\n");
    git("add", "src/lib.rs");
    write("src/lib.rs", "unstaged\n");
    Map<String, String> before = snapshot();

    assertThatThrownBy(
            () -> {
              try (UnstagedStash stash = UnstagedStash.create(env, repo)) {
                stash.setAside();
                throw new IllegalStateException("the check blew up");
              }
            })
        .hasMessage("the check blew up");

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void withNothingUnstagedNothingIsTouched() throws Exception {
    write("src/lib.rs", "staged\n");
    git("add", "src/lib.rs");
    Map<String, String> before = snapshot();

    try (UnstagedStash stash = UnstagedStash.create(env, repo)) {
      assertThat(stash.setAside()).isEmpty();
    }

    assertThat(snapshot()).isEqualTo(before);
  }

  /** Every file under the repo but .git: content hash, permissions, link target. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(repo)) {
      walk.filter(p -> !p.startsWith(repo.resolve(".git")) && !p.startsWith(repo.resolve(".home")))
          .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(files::add);
    }
    for (Path f : files) {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
      out.put(
          repo.relativize(f).toString(),
          HexFormat.of().formatHex(sha)
              + " "
              + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
    return out;
  }

  private void write(String path, String text) throws Exception {
    Files.createDirectories(repo.resolve(path).getParent());
    Files.writeString(repo.resolve(path), text, StandardCharsets.UTF_8);
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
