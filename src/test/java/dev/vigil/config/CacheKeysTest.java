package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeysTest {
  private static final String PROJECTS = "projects: [{name: app, stages: [{name: s, run: x}]}]\n";

  @TempDir Path dir;
  ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void withoutCacheKeysNoStageIsCachedAndTheStoreHasItsDefaultSize() throws Exception {
    VigilConfig config = fixture.load(PROJECTS);

    assertThat(config.cache().maxSizeBytes()).isEqualTo(1L << 30);
    assertThat(config.cache().remote()).isEmpty();
    assertThat(config.projects().get(0).stages().get(0).cache().enabled()).isFalse();
  }

  @Test
  void theTopLevelCacheWithARemoteIsRead() throws Exception {
    VigilConfig config =
        fixture.load(
            "cache:\n"
                + "  max_size: 512MiB\n"
                + "  remote:\n"
                + "    kind: turbo\n"
                + "    url: http://127.0.0.1:3000\n"
                + "    team: myteam\n"
                + "    token_env: VIGIL_CACHE_TOKEN\n"
                + "    signature_key_env: VIGIL_CACHE_KEY\n"
                + "    upload: false\n"
                + "    timeout: 500ms\n"
                + PROJECTS);

    assertThat(config.cache().maxSizeBytes()).isEqualTo(512L << 20);
    RemoteCacheConfig remote = config.cache().remote().orElseThrow();
    assertThat(remote.kind()).isEqualTo(RemoteCacheConfig.Kind.TURBO);
    assertThat(remote.url()).isEqualTo(URI.create("http://127.0.0.1:3000"));
    assertThat(remote.team()).contains("myteam");
    assertThat(remote.tokenEnv()).contains("VIGIL_CACHE_TOKEN");
    assertThat(remote.signatureKeyEnv()).contains("VIGIL_CACHE_KEY");
    assertThat(remote.upload()).isFalse();
    assertThat(remote.timeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aRemoteGetsUploadOnAndTwoSecondsByDefault() throws Exception {
    RemoteCacheConfig remote =
        fixture
            .load("cache: {remote: {kind: http, url: 'http://127.0.0.1:8080/cache'}}\n" + PROJECTS)
            .cache()
            .remote()
            .orElseThrow();

    assertThat(remote.kind()).isEqualTo(RemoteCacheConfig.Kind.HTTP);
    assertThat(remote.upload()).isTrue();
    assertThat(remote.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(remote.team()).isEmpty();
  }

  @Test
  void aStageTurnsTheCacheOnWithTrueOrWithItsInputsEnvAndTools() throws Exception {
    VigilConfig config =
        fixture.load(
            "projects:\n"
                + "  - name: core\n"
                + "    stages:\n"
                + "      - {name: clippy, run: cargo clippy, cache: true}\n"
                + "      - {name: test, run: cargo test, cache: {inputs: ['src/**', Cargo.lock],"
                + " env: [RUSTFLAGS], tools: ['rustc -V']}}\n"
                + "      - {name: dev, run: maturin develop, cache: false}\n");

    List<StageConfig> stages = config.projects().get(0).stages();
    assertThat(stages.get(0).cache()).isEqualTo(StageCacheConfig.ON);
    assertThat(stages.get(1).cache())
        .isEqualTo(
            new StageCacheConfig(
                true, List.of("src/**", "Cargo.lock"), List.of("RUSTFLAGS"), List.of("rustc -V")));
    assertThat(stages.get(2).cache().enabled()).isFalse();
  }

  @Test
  void wrongValuesAreReportedWhereTheyAre() {
    assertThat(
            fixture.problems(
                "cache:\n"
                    + "  max_size: lots\n"
                    + "  remote: {kind: s3, url: 'not a url', upload: maybe, timeout: 2}\n"
                    + PROJECTS))
        .containsExactly(
            "2:13: `max_size`: `lots` is not a size; write a number and a unit (B, KiB, MiB,"
                + " GiB, KB, MB, GB), e.g. `1GiB`, `500MB`",
            "3:18: unknown remote kind `s3`; expected one of: turbo, http",
            "3:27: `url` must be an http:// or https:// URL, got `not a url`",
            "3:48: `upload` must be true or false, got `maybe`",
            "3:64: `timeout`: `2` has no unit; write a number and a unit (ms, s, m, h), e.g."
                + " `50ms`, `2s`, `10m`");
  }

  @Test
  void aRemoteNeedsItsKindAndUrlAndATurboRemoteItsTeam() {
    assertThat(fixture.problems("cache: {remote: {token_env: T}}\n" + PROJECTS))
        .containsExactly(
            "1:17: `cache.remote` is missing `kind` (turbo or http)",
            "1:17: `cache.remote` is missing `url`");
    assertThat(
            fixture.problems(
                "cache: {remote: {kind: turbo, url: 'http://127.0.0.1:3000'}}\n" + PROJECTS))
        .containsExactly(
            "1:17: a turbo remote needs `team` (the team id or slug the artifacts belong to)");
  }

  @Test
  void unknownKeysInTheCacheSectionsSayWhereTheyAreAndSuggest() {
    assertThat(fixture.problems("cache: {max_sise: 1GiB}\n" + PROJECTS))
        .containsExactly("1:9: unknown key `max_sise` in `cache`; did you mean `max_size`?");
    assertThat(
            fixture.problems(
                "projects: [{name: app, stages: [{name: s, run: x, cache: {input: [a]}}]}]\n"))
        .containsExactly("1:59: unknown key `input` in a stage's `cache`; did you mean `inputs`?");
  }

  @Test
  void aStageCacheMustBeABooleanOrAMapping() {
    assertThat(
            fixture.problems(
                "projects: [{name: app, stages: [{name: s, run: x, cache: always}]}]\n"))
        .containsExactly(
            "1:58: `cache` in a stage must be true, false or a mapping with `inputs`, `env`,"
                + " `tools`, got `always`");
  }

  @Test
  void theCacheSectionIsReadOnlyInTheConfigTheDaemonLoads() {
    Path sub = fixture.write("sub/vigil.yaml", "cache: {max_size: 1GiB}\n" + PROJECTS);
    Path main = fixture.write("vigil.yaml", "include: [sub/vigil.yaml]\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(main));

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(sub);
              assertThat(p.line() + ":" + p.column()).isEqualTo("1:1");
              assertThat(p.message()).contains("`cache` is read only in the config the daemon");
            });
  }

  @Test
  void valuesThatCouldNotWorkAreReportedWhereTheyAre() {
    assertThat(
            fixture.problems(
                "cache:\n"
                    + "  max_size: 0B\n"
                    + "  remote: {kind: http, url: 'http://h/c/', team: t, token_env: 'my token',"
                    + " timeout: 0s}\n"
                    + "projects: [{name: app, stages: [{name: s, run: x,"
                    + " cache: {inputs: ['src/[a'], env: ['A B'], tools: ['']}}]}]\n"))
        .containsExactly(
            "2:13: `max_size` must be more than 0",
            "3:50: `team` is for a turbo remote; an http remote has none",
            "3:64: `token_env` names an environment variable (letters, digits, `_`), got `my"
                + " token`",
            "3:85: `timeout` must be more than 0",
            "4:73: `inputs` pattern `src/[a`: `[` opens a character class that is never closed;"
                + " write `\\[` for a `[`",
            "4:85: `env` names an environment variable (letters, digits, `_`), got `A B`",
            "4:101: a command in `tools` must not be empty");
  }

  @Test
  void aTokenInTheFileIsRefusedWithWhereItGoes() {
    assertThat(
            fixture.problems(
                "cache: {remote: {kind: http, url: 'http://h/c/', token: abc}}\n" + PROJECTS))
        .singleElement()
        .asString()
        .contains("1:50: ")
        .contains("`token_env`")
        .contains("never in the file");
  }

  @Test
  void sizesTakeBinaryAndDecimalUnits() {
    assertThat(ByteSizes.parse("1GiB")).isEqualTo(Optional.of(1L << 30));
    assertThat(ByteSizes.parse("500MB")).isEqualTo(Optional.of(500_000_000L));
    assertThat(ByteSizes.parse("64 KiB")).isEqualTo(Optional.of(65_536L));
    assertThat(ByteSizes.parse("1000")).isEqualTo(Optional.of(1000L));
    assertThat(ByteSizes.parse("2B")).isEqualTo(Optional.of(2L));
    assertThat(ByteSizes.parse("1.5GiB")).isEqualTo(Optional.of(3L << 29));
    assertThat(ByteSizes.parse("big")).isEmpty();
  }
}
