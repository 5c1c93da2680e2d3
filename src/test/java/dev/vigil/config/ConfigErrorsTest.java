package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {
  private static final String UNIT_HINT =
      "write a number and a unit (ms, s, m, h), e.g. `50ms`, `2s`, `10m`";

  @TempDir Path dir;
  ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void problemReadsAsFileLineColumnMessage() {
    Path file = fixture.write("vigil.yaml", "projets: []\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.getMessage())
        .isEqualTo(
            file
                + ":1:1: unknown key `projets` at the top level; did you mean `projects`?\n"
                + file
                + ":1:1: no projects; add a `projects:` list with at least one project");
  }

  @Test
  void malformedYamlPointsWhereTheParserStopped() {
    assertThat(fixture.problems("projects:\n  - name: p\n   stages: []\n"))
        .containsExactly(
            "3:4: invalid YAML: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block collection)");
    assertThat(fixture.problems("projects: [a,\n"))
        .containsExactly(
            "1:13: invalid YAML: expected the node content, but found '<stream end>'"
                + " (while parsing a flow node)");
  }

  @Test
  void malformedJsonPointsWhereTheParserStopped() {
    assertThat(fixture.problems("vigil.json", "{\"projects\": [}"))
        .containsExactly(
            "1:15: invalid JSON: Unexpected close marker '}': expected ']'"
                + " (for Array starting at line 1, column 14)");
  }

  @Test
  void jsonProblemsHaveLocations() {
    assertThat(
            fixture.problems(
                "vigil.json",
                """
                {"projects": [
                  {"name": "p", "on_busy": "later",
                   "stagse": []}]}
                """))
        .containsExactly(
            "2:3: project `p` has no `stages`; add at least one stage",
            "2:28: unknown on_busy `later`; expected one of: restart, queue, skip",
            "3:4: unknown key `stagse` in a project; did you mean `stages`?");
  }

  @Test
  void emptyFileAndCommentOnlyFileAreErrors() {
    assertThat(fixture.problems(""))
        .containsExactly("1:1: config is empty; it needs a `projects:` list");
    assertThat(fixture.problems("# nothing yet\n"))
        .containsExactly("1:1: config is empty; it needs a `projects:` list");
  }

  @Test
  void configWithoutProjectsIsAnError() {
    assertThat(fixture.problems("version: 1\n"))
        .containsExactly("1:1: no projects; add a `projects:` list with at least one project");
    assertThat(fixture.problems("projects: []\n"))
        .containsExactly("1:11: no projects; add a `projects:` list with at least one project");
  }

  @Test
  void wrongTypes() {
    assertThat(fixture.problems("- a\n- b\n"))
        .containsExactly("1:1: config must be a mapping, got a list");
    assertThat(fixture.problems("projects:\n  - name: p\n    stages: {name: s, run: x}\n"))
        .containsExactly("3:13: `stages` must be a list, got a mapping");
    assertThat(fixture.problems("projects: {name: p}\n"))
        .containsExactly("1:11: `projects` must be a list, got a mapping");
    assertThat(
            fixture.problems(
                "projects:\n  - name: p\n    stages:\n      - name: s\n        run: x\n        retry: 3\n"))
        .containsExactly("6:16: `retry` must be a mapping, got a number");
    assertThat(
            fixture.problems(
                "projects:\n  - {name: p, stages: [{name: s, run: x, env: {A: [1]}, needs: [{x: 1}]}]}\n"))
        .containsExactly(
            "2:51: env `A` must be a string, got a list",
            "2:65: `needs` must be a list of strings, got a mapping");
    assertThat(
            fixture.problems(
                "projects:\n  - {name: p, run_on_start: maybe, stages: [{name: s, run: x}]}\n"))
        .containsExactly("2:29: `run_on_start` must be true or false, got `maybe`");
  }

  @Test
  void aTransientPatternThatIsNotARegularExpressionIsAnError() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - name: p
                    stages:
                      - {name: s, run: x, retry: {transient_patterns: ["ok", "bad(("], backoff: 2}}
                """))
        .containsExactly(
            "4:62: `transient_patterns` entry `bad((` is not a regular expression: Unclosed group",
            "4:81: " + Durations.whyNot("backoff", "2"));
  }

  @Test
  void aPatternThatCouldNeverMatchIsAnErrorAtItsCharacter() {
    String unclosed = "`[` opens a character class that is never closed; write `\\[` for a `[`";
    assertThat(
            fixture.problems(
                """
                projects:
                  - name: p
                    watch: ["src/**/*.rs", "src/[ab.rs"]
                    ignore:
                      - target/
                      - '![keep'
                      - "!*.log"
                    stages:
                      - name: s
                        run: x
                        when:
                          - docs/[[:words:]]*.md
                          - lib\\
                """))
        .containsExactly(
            "3:33: `watch` pattern `src/[ab.rs`: " + unclosed,
            "6:11: `ignore` pattern `![keep`: " + unclosed,
            "12:19: `when` pattern `docs/[[:words:]]*.md`: unknown character class `[:words:]`;"
                + " known: alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space,"
                + " upper, xdigit",
            "13:16: `when` pattern `lib\\`: ends in a `\\` that escapes nothing; write `\\\\` for a"
                + " literal backslash");
  }

  @Test
  void negationInWatchOrWhenSaysWhereItWorks() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: p, watch: ["!target/**"], stages: [{name: s, run: x, when: ""}]}
                """))
        .containsExactly(
            "2:24: `watch` pattern `!target/**`: a leading `!` (negation) works in `ignore:` only;"
                + " list what to leave out there, or write `\\!` for a name that starts with `!`",
            "2:72: `when` pattern ``: an empty pattern matches nothing; write `**` for every file");
  }

  @Test
  void unknownKeysSuggestTheCloseOne() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - name: p
                    stages:
                      - name: s
                        run: x
                        timout: 1s
                        bogus: 1
                """))
        .containsExactly(
            "6:9: unknown key `timout` in a stage; did you mean `timeout`?",
            "7:9: unknown key `bogus` in a stage; known keys: name, timeout, kill_grace, run,"
                + " needs, when, retry, env, format, keep_background, cache");
  }

  @Test
  void keyInTheWrongPlaceSaysWhereItBelongs() {
    assertThat(
            fixture.problems(
                "projects:\n  - name: p\n    run: make\n    stages: [{name: s, run: x}]\n"))
        .containsExactly("3:5: key `run` is not allowed in a project; it belongs in a stage");
  }

  @Test
  void duplicateKeyIsAnError() {
    assertThat(
            fixture.problems(
                "version: 1\nversion: 1\nprojects: [{name: p, stages: [{name: s, run: x}]}]\n"))
        .containsExactly("2:1: duplicate key `version` (first at line 1)");
  }

  @Test
  void missingNameOrRun() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - root: .
                    stages:
                      - run: x
                      - name: t
                """))
        .containsExactly(
            "2:5: project is missing `name`",
            "4:9: stage is missing `name`",
            "5:9: stage `t` is missing `run`");
  }

  @Test
  void badNamesAndEmptyRun() {
    assertThat(fixture.problems("projects:\n  - {name: 'a b', stages: [{name: s, run: ''}]}\n"))
        .containsExactly(
            "2:12: project name `a b` may only hold letters, digits, `_`, `-` and `.` (not first)",
            "2:43: `run` is empty");
  }

  @Test
  void duplicateProjectAndStageNames() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: p, stages: [{name: s, run: x}]}
                  - {name: p, stages: [{name: s, run: x}, {name: s, run: y}]}
                """))
        .containsExactly(
            "3:12: duplicate project name `p` (first at line 2)",
            "3:50: duplicate stage name `s` in project `p` (first at line 3)");
  }

  @Test
  void needsNamingAMissingStage() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - name: p
                    stages:
                      - {name: build, run: x}
                      - {name: test, run: x, needs: [buidl, deploy]}
                """))
        .containsExactly(
            "5:38: stage `test` needs `buidl`, which is not a stage of project `p`;"
                + " did you mean `build`?",
            "5:45: stage `test` needs `deploy`, which is not a stage of project `p`");
  }

  @Test
  void needsOnlySeesStagesOfTheSameProject() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: a, stages: [{name: build, run: x}]}
                  - {name: b, stages: [{name: test, run: x, needs: build}]}
                """))
        .containsExactly("3:52: stage `test` needs `build`, which is not a stage of project `b`");
  }

  @Test
  void afterNamingAMissingProject() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: engine, stages: [{name: s, run: x}]}
                  - {name: bot, after: [engin, c], stages: [{name: s, run: x}]}
                """))
        .containsExactly(
            "3:25: project `bot` runs after `engin`, which is not a project in this file;"
                + " did you mean `engine`?",
            "3:32: project `bot` runs after `c`, which is not a project in this file");
  }

  @Test
  void cyclesInNeedsAreNamed() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - name: p
                    stages:
                      - {name: a, run: x, needs: b}
                      - {name: b, run: x, needs: [c]}
                      - {name: c, run: x, needs: a}
                      - {name: d, run: x, needs: d}
                """))
        .containsExactly(
            "4:34: dependency cycle: a -> b -> c -> a", "7:34: dependency cycle: d -> d");
  }

  @Test
  void cyclesInAfterAreNamed() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: b, after: a, stages: [{name: s, run: x}]}
                  - {name: a, after: b, stages: [{name: s, run: x}]}
                """))
        .containsExactly("2:22: dependency cycle: b -> a -> b");
  }

  @Test
  void badDurations() {
    assertThat(
            fixture.problems(
                """
                defaults:
                  debounce: 10 parsecs
                  max_wait: 10
                projects:
                  - {name: p, kill_grace: "5", stages: [{name: s, run: x, timeout: -1s}]}
                """))
        .containsExactly(
            "2:13: `debounce`: `10 parsecs` is not a duration; " + UNIT_HINT,
            "3:13: `max_wait`: `10` has no unit; " + UNIT_HINT,
            "5:27: `kill_grace`: `5` has no unit; " + UNIT_HINT,
            "5:68: `timeout`: `-1s` is not a duration; " + UNIT_HINT);
  }

  @Test
  void rootThatDoesNotExistOrIsNotADirectory() throws Exception {
    Files.writeString(dir.resolve("file.txt"), "x");
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: p, root: nowhere, stages: [{name: s, run: x}]}
                  - {name: q, root: file.txt, stages: [{name: s, run: x}]}
                """))
        .containsExactly(
            "2:21: root `nowhere` does not exist (" + dir.resolve("nowhere").toAbsolutePath() + ")",
            "3:21: root `file.txt` is not a directory ("
                + dir.resolve("file.txt").toAbsolutePath()
                + ")");
  }

  @Test
  void unknownEnumValuesListTheAllowedOnes() {
    assertThat(
            fixture.problems(
                """
                projects:
                  - {name: p, on_busy: later, stages: [{name: s, run: x, format: msvc}]}
                """))
        .containsExactly(
            "2:24: unknown on_busy `later`; expected one of: restart, queue, skip",
            "2:66: unknown format `msvc`; expected one of: auto, none, cargo-json, rustc, javac,"
                + " maven, gcc, clang, pytest, go, generic");
  }

  @Test
  void unquotedYamlBooleanForAnEnumSaysToQuoteIt() {
    assertThat(
            fixture.problems(
                "defaults:\n  on_busy: off\nprojects: [{name: p, stages: [{name: s, run: x}]}]\n"))
        .containsExactly(
            "2:12: `on_busy` got the boolean `off` (YAML reads unquoted on/off/yes/no/true/false"
                + " as booleans); quote the value, one of: restart, queue, skip");
  }

  @Test
  void versionAttemptsAndParallelRunsOutOfRange() {
    assertThat(
            fixture.problems(
                """
                version: 2
                max_parallel_runs: 0
                projects:
                  - {name: p, stages: [{name: s, run: x, retry: {attempts: 0, for: some}}]}
                """))
        .containsExactly(
            "1:10: unsupported version 2; this vigil reads version 1",
            "2:20: `max_parallel_runs` must be at least 1, got 0",
            "4:60: `retry.attempts` must be at least 1, got 0",
            "4:68: unknown retry.for `some`; expected one of: transient, any");
  }

  @Test
  void aFileWithManyMistakesReportsAllOfThemInFileOrder() {
    assertThat(
            fixture.problems(
                """
                version: 3
                defualts: {debounce: 20ms}
                projects:
                  - name: engine
                    on_busy: yes
                    stages:
                      - {name: fmt, run: cargo fmt, timeout: 10 parsecs}
                      - {name: test, needs: [fmt, lint]}
                  - name: engine
                    after: [bindings]
                    stages: fmt
                """))
        .containsExactly(
            "1:10: unsupported version 3; this vigil reads version 1",
            "2:1: unknown key `defualts` at the top level; did you mean `defaults`?",
            "5:14: `on_busy` got the boolean `yes` (YAML reads unquoted on/off/yes/no/true/false"
                + " as booleans); quote the value, one of: restart, queue, skip",
            "7:46: `timeout`: `10 parsecs` is not a duration; " + UNIT_HINT,
            "8:9: stage `test` is missing `run`",
            "8:35: stage `test` needs `lint`, which is not a stage of project `engine`",
            "9:11: duplicate project name `engine` (first at line 4)",
            "10:13: project `engine` runs after `bindings`, which is not a project in this file",
            "11:13: `stages` must be a list, got a string");
  }

  @Test
  void yamlAliasesAndSecondDocumentsAreRejected() {
    assertThat(fixture.problems("projects: [{name: &n p, stages: [{name: *n, run: x}]}]\n"))
        .containsExactly("1:41: YAML aliases (`*n`) are not supported");
    assertThat(
            fixture.problems(
                "projects: [{name: p, stages: [{name: s, run: x}]}]\n---\nprojects: []\n"))
        .containsExactly("3:1: only one YAML document is allowed");
  }

  @Test
  void suggestionIgnoresCaseAndNeverOffersTheNameItself() {
    assertThat(fixture.problems("Projects: [{name: p, stages: [{name: s, run: x}]}]\n"))
        .containsExactly(
            "1:1: unknown key `Projects` at the top level; did you mean `projects`?",
            "1:1: no projects; add a `projects:` list with at least one project");
    assertThat(fixture.problems("projects: [{name: ab, after: ac, stages: [{name: s, run: x}]}]\n"))
        .containsExactly("1:30: project `ab` runs after `ac`, which is not a project in this file");
  }

  @Test
  void missingOrUnreadableFileIsAProblemNamingIt() throws Exception {
    Path missing = dir.resolve("gone.yaml");
    Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

    assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing)))
        .hasMessage(missing + ":1:1: config file does not exist");
    assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(binary)))
        .hasMessage(binary + ":1:1: config file is not valid UTF-8 text");
  }

  @Test
  void misspeltEnumValueGetsASuggestion() {
    assertThat(
            fixture.problems(
                "projects: [{name: p, on_busy: restrat, stages: [{name: s, run: x, format: pytets}]}]\n"))
        .containsExactly(
            "1:31: unknown on_busy `restrat`; expected one of: restart, queue, skip"
                + " (did you mean `restart`?)",
            "1:75: unknown format `pytets`; expected one of: auto, none, cargo-json, rustc, javac,"
                + " maven, gcc, clang, pytest, go, generic (did you mean `pytest`?)");
  }
}
