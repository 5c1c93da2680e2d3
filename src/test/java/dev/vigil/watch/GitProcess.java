package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real git in a test repository, isolated from the user's own configuration. */
final class GitProcess {
  private final Path repo;
  private final Path home;

  GitProcess(Path repo, Path home) {
    this.repo = repo;
    this.home = home;
  }

  /** What git said about one path. */
  record Verdict(boolean ignored, String explanation) {}

  byte[] run(List<String> args, Path stdin) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().remove("GIT_DIR");
    pb.environment().remove("GIT_WORK_TREE");
    Path out = Files.createTempFile(home, "git-out", ".bin");
    Path err = Files.createTempFile(home, "git-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process process = pb.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", args).isTrue();
    String errors = Files.readString(err);
    assertThat(process.exitValue()).as("git %s exit code; stderr: %s", args, errors).isLessThan(2);
    byte[] result = Files.readAllBytes(out);
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  /** {@code git check-ignore --no-index --verbose --non-matching} for every path. */
  Map<String, Verdict> checkIgnore(List<String> paths) throws IOException, InterruptedException {
    return checkIgnore(paths, List.of("-c", "core.excludesFile=/dev/null"));
  }

  /** Same, with the user's (fake) global configuration in effect. */
  Map<String, Verdict> checkIgnoreWithGlobalConfig(List<String> paths)
      throws IOException, InterruptedException {
    return checkIgnore(paths, List.of());
  }

  private Map<String, Verdict> checkIgnore(List<String> paths, List<String> options)
      throws IOException, InterruptedException {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    for (String p : paths) {
      input.writeBytes(p.getBytes(StandardCharsets.UTF_8));
      input.write(0);
    }
    Path stdin = Files.createTempFile(home, "paths", ".bin");
    Files.write(stdin, input.toByteArray());
    List<String> args = new ArrayList<>(options);
    args.addAll(
        List.of("check-ignore", "--no-index", "--stdin", "-z", "--verbose", "--non-matching"));
    byte[] out = run(args, stdin);
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        fields.add(new String(out, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    Map<String, Verdict> verdicts = new HashMap<>();
    for (int i = 0; i + 3 < fields.size(); i += 4) {
      String pattern = fields.get(i + 2);
      boolean ignored = !pattern.isEmpty() && !pattern.startsWith("!");
      String why =
          pattern.isEmpty() ? "no match" : fields.get(i) + ":" + fields.get(i + 1) + ":" + pattern;
      verdicts.put(fields.get(i + 3), new Verdict(ignored, why));
    }
    assertThat(verdicts).as("git answered for every path").hasSize(paths.size());
    return verdicts;
  }
}
