package dev.vigil.config;

import static dev.vigil.config.Section.CACHE;
import static dev.vigil.config.Section.DEFAULTS;
import static dev.vigil.config.Section.PROJECT;
import static dev.vigil.config.Section.REMOTE;
import static dev.vigil.config.Section.RETRY;
import static dev.vigil.config.Section.STAGE;
import static dev.vigil.config.Section.STAGE_CACHE;
import static dev.vigil.config.Section.TOP;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every key a config file may hold: where it is allowed, its default (in config syntax, null when
 * there is none or it is computed) and the values it accepts when it is a closed set. Parsing,
 * defaults and "did you mean" all read from here.
 */
enum ConfigKey {
  VERSION("version", EnumSet.of(TOP), "1", List.of(), "Config format version; must be 1."),
  MAX_PARALLEL_RUNS(
      "max_parallel_runs",
      EnumSet.of(TOP),
      null,
      List.of(),
      "Pipelines running at once across all projects; default: the number of processors."),
  NOTIFY(
      "notify",
      EnumSet.of(TOP),
      "false",
      List.of(),
      "Desktop notification when a run fails (notify-send or osascript)."),
  DEFAULTS_KEY("defaults", EnumSet.of(TOP), null, List.of(), "Settings every project inherits."),
  PROJECTS(
      "projects",
      EnumSet.of(TOP),
      null,
      List.of(),
      "The watched projects, at least one (none needed beside `include`)."),
  INCLUDE(
      "include",
      EnumSet.of(TOP),
      null,
      List.of(),
      "Project configs to watch too: paths or globs, relative to this file."),
  NAME("name", EnumSet.of(PROJECT, STAGE), null, List.of(), "Unique name of a project or stage."),
  ROOT("root", EnumSet.of(PROJECT), ".", List.of(), "Project root, relative to the config file."),
  WATCH("watch", EnumSet.of(PROJECT), null, List.of(), "Globs to watch; default: everything."),
  IGNORE("ignore", EnumSet.of(PROJECT), null, List.of(), "Extra gitignore lines for the root."),
  AFTER("after", EnumSet.of(PROJECT), null, List.of(), "Projects whose passing run starts this."),
  STAGES("stages", EnumSet.of(PROJECT), null, List.of(), "The project's stages, in order."),
  DEBOUNCE(
      "debounce",
      EnumSet.of(DEFAULTS, PROJECT),
      "20ms",
      List.of(),
      "Quiet period that closes a batch of changes."),
  MAX_WAIT(
      "max_wait",
      EnumSet.of(DEFAULTS, PROJECT),
      "2s",
      List.of(),
      "Longest a batch stays open after its first change."),
  ON_BUSY(
      "on_busy",
      EnumSet.of(DEFAULTS, PROJECT),
      "restart",
      List.of("restart", "queue", "skip"),
      "What changes arriving during a run do."),
  RUN_ON_START(
      "run_on_start",
      EnumSet.of(DEFAULTS, PROJECT),
      "true",
      List.of(),
      "Run the whole pipeline once when the daemon starts."),
  TIMEOUT(
      "timeout",
      EnumSet.of(DEFAULTS, PROJECT, STAGE, REMOTE),
      "10m",
      List.of(),
      "Time after which a stage's process tree is killed; in `cache.remote`, the longest a"
          + " request to the remote may take (default `2s`)."),
  KILL_GRACE(
      "kill_grace",
      EnumSet.of(DEFAULTS, PROJECT, STAGE),
      "5s",
      List.of(),
      "Time between SIGTERM and SIGKILL."),
  RUN("run", EnumSet.of(STAGE), null, List.of(), "Shell command, run with sh -c in the root."),
  NEEDS("needs", EnumSet.of(STAGE), null, List.of(), "Stages that must pass first."),
  WHEN("when", EnumSet.of(STAGE), null, List.of(), "Globs of changes this stage concerns."),
  RETRY_KEY("retry", EnumSet.of(STAGE), null, List.of(), "How a failed stage is tried again."),
  ENV(
      "env",
      EnumSet.of(STAGE, STAGE_CACHE),
      null,
      List.of(),
      "Extra environment variables; in a stage's `cache`, the variables whose values the key"
          + " covers."),
  FORMAT(
      "format",
      EnumSet.of(STAGE),
      "auto",
      List.of(
          "auto",
          "none",
          "cargo-json",
          "rustc",
          "javac",
          "maven",
          "gcc",
          "clang",
          "pytest",
          "go",
          "generic"),
      "Output format the diagnostics parser expects."),
  KEEP_BACKGROUND(
      "keep_background",
      EnumSet.of(STAGE),
      "false",
      List.of(),
      "Leave running what the command started in the background."),
  ATTEMPTS("attempts", EnumSet.of(RETRY), "2", List.of(), "Total attempts, at least 1."),
  FOR(
      "for",
      EnumSet.of(RETRY),
      "transient",
      List.of("transient", "any"),
      "Which failures are retried."),
  BACKOFF(
      "backoff",
      EnumSet.of(RETRY),
      "1s",
      List.of(),
      "Wait before the second attempt; it doubles for each one after."),
  TRANSIENT_PATTERNS(
      "transient_patterns",
      EnumSet.of(RETRY),
      null,
      List.of(),
      "More output patterns (regular expressions) that mark a failure as transient."),
  CACHE_KEY(
      "cache",
      EnumSet.of(TOP, STAGE),
      null,
      List.of(),
      "At the top level, the stage cache's store and remote; in a stage, `true` or `{inputs, env,"
          + " tools}` to answer the stage from the cache when nothing it depends on changed."),
  MAX_SIZE(
      "max_size",
      EnumSet.of(CACHE),
      "1GiB",
      List.of(),
      "Size of the local cache store in the state dir; the least recently used go first."),
  REMOTE_KEY("remote", EnumSet.of(CACHE), null, List.of(), "A remote cache shared by a team."),
  KIND(
      "kind",
      EnumSet.of(REMOTE),
      null,
      List.of("turbo", "http"),
      "The remote's protocol: the Turborepo Remote Cache API, or plain GET/PUT."),
  URL("url", EnumSet.of(REMOTE), null, List.of(), "The remote's base URL (http or https)."),
  TEAM("team", EnumSet.of(REMOTE), null, List.of(), "Turborepo team id or slug (turbo only)."),
  TOKEN_ENV(
      "token_env",
      EnumSet.of(REMOTE),
      null,
      List.of(),
      "Environment variable that holds the remote's bearer token."),
  SIGNATURE_KEY_ENV(
      "signature_key_env",
      EnumSet.of(REMOTE),
      null,
      List.of(),
      "Environment variable that holds the key artifacts are signed with (HMAC-SHA256)."),
  UPLOAD(
      "upload",
      EnumSet.of(REMOTE),
      "true",
      List.of(),
      "Store passed results on the remote; `false` only reads from it."),
  INPUTS(
      "inputs",
      EnumSet.of(STAGE_CACHE),
      null,
      List.of(),
      "Globs of the files the key covers; default: every watched, non-ignored file."),
  TOOLS(
      "tools",
      EnumSet.of(STAGE_CACHE),
      null,
      List.of(),
      "Commands whose output the key covers, such as `rustc -V`.");

  private final String key;

  // Both collections are unmodifiable copies made in the constructor.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Section> sections;

  private final String defaultText;

  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> choices;

  private final String doc;

  ConfigKey(
      String key, Set<Section> sections, String defaultText, List<String> choices, String doc) {
    this.key = key;
    this.sections = Set.copyOf(sections);
    this.defaultText = defaultText;
    this.choices = List.copyOf(choices);
    this.doc = doc;
  }

  String key() {
    return key;
  }

  boolean allowedIn(Section section) {
    return sections.contains(section);
  }

  /** The default in config syntax, or null when there is none or it is computed. */
  String defaultText() {
    return defaultText;
  }

  /** The accepted values when the key takes one of a closed set; empty otherwise. */
  List<String> choices() {
    return choices;
  }

  String doc() {
    return doc;
  }

  /**
   * What the key means in {@code section}: a doc that goes on with "; in `other section`, …" for a
   * section where the key means something else is cut there for the sections it names first.
   */
  String docIn(Section section) {
    int other = doc.indexOf("; in `");
    return section == Section.DEFAULTS && other >= 0 ? doc.substring(0, other) + "." : doc;
  }

  /** The key with this spelling, wherever it is allowed. */
  static Optional<ConfigKey> named(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** The keys allowed in a section, in registry order. */
  static List<String> keysIn(Section section) {
    return Arrays.stream(values())
        .filter(k -> k.allowedIn(section))
        .map(ConfigKey::key)
        .collect(Collectors.toList());
  }

  /** The message for a key that is not allowed in this section. */
  static String unknownKeyMessage(String key, Section section) {
    if (section == Section.REMOTE && (key.equals("token") || key.equals("signature_key"))) {
      return "`"
          + key
          + "` is never in the file, where anyone who reads it could use it: put it in an"
          + " environment variable and name that with `"
          + key
          + "_env`";
    }
    Optional<ConfigKey> elsewhere = named(key);
    if (elsewhere.isPresent()) {
      String places =
          elsewhere.get().sections.stream().map(Section::where).collect(Collectors.joining(", "));
      return "key `" + key + "` is not allowed " + section.where() + "; it belongs " + places;
    }
    Optional<String> close = Spelling.closest(key, keysIn(section));
    return close
        .map(c -> "unknown key `" + key + "` " + section.where() + "; did you mean `" + c + "`?")
        .orElseGet(
            () ->
                "unknown key `"
                    + key
                    + "` "
                    + section.where()
                    + "; known keys: "
                    + String.join(", ", keysIn(section)));
  }
}
