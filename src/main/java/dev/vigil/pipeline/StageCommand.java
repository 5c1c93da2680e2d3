package dev.vigil.pipeline;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.process.CommandSpec;
import dev.vigil.process.ShellQuote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a stage of a run into the command to start: {@code {changed}} expanded, env set. */
final class StageCommand {
  static final String CHANGED_PLACEHOLDER = "{changed}";
  private static final String CHANGED_FILE = "changed.txt";
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private StageCommand() {}

  /**
   * The spec for one stage.
   *
   * @param paths the changed paths this stage concerns, relative to the root
   * @param changedList the file listing every changed path of the run
   */
  static CommandSpec spec(
      ProjectConfig project,
      StageConfig stage,
      RunRequest request,
      List<String> paths,
      Path changedList) {
    String command = stage.run().replace(CHANGED_PLACEHOLDER, ShellQuote.join(paths));
    Map<String, String> env = new HashMap<>(stage.env());
    env.put("VIGIL_PROJECT", project.name());
    env.put("VIGIL_RUN_ID", request.runId());
    env.put("VIGIL_STAGE", stage.name());
    env.put("VIGIL_CHANGED_COUNT", Integer.toString(request.trigger().changedCount()));
    env.put("VIGIL_CHANGED_LIST", changedList.toString());
    return new CommandSpec(
        command,
        project.root(),
        env,
        stage.timeout(),
        stage.killGrace(),
        Optional.of(logFile(request, stage.name())),
        CommandSpec.DEFAULT_LOG_LIMIT,
        stage.keepBackground());
  }

  static Path logFile(RunRequest request, String stage) {
    return request.runDir().resolve(safeFileName(stage) + ".log");
  }

  /**
   * Creates a run's folder with an empty {@code changed.txt} ahead of the run, so that starting it
   * only fills an existing file: creating folders and files costs a millisecond or more on some
   * file systems, and that would delay the stage.
   */
  static void prepareRunDir(Path runDir) throws IOException {
    Files.createDirectories(runDir);
    Path file = runDir.resolve(CHANGED_FILE);
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
  }

  /** Writes {@code runs/RUN_ID/changed.txt}, one changed path a line. */
  static Path writeChangedList(RunRequest request) throws IOException {
    Path file = request.runDir().resolve(CHANGED_FILE);
    StringBuilder sb = new StringBuilder();
    for (String path : request.trigger().changed()) {
      sb.append(path).append('\n');
    }
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(sb));
    // No O_TRUNC: the file prepared ahead is empty, and ext4 flushes a file truncated to zero and
    // rewritten when it is closed (auto_da_alloc), which costs the run's start 0.1 ms or more.
    try (FileChannel channel = openForWrite(file)) {
      int length = bytes.remaining();
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      if (channel.size() > length) {
        channel.truncate(length); // an older list was there after all
      }
    }
    return file;
  }

  /** Opens the list, creating it and its folder when the run's folder was not prepared ahead. */
  private static FileChannel openForWrite(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (NoSuchFileException notPrepared) {
      Files.createDirectories(file.getParent());
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
  }

  private static String safeFileName(String stage) {
    return UNSAFE.matcher(stage).replaceAll("_");
  }
}
