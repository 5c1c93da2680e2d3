package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed table of recorded fingerprints behaves as a map from path to fingerprint. */
class RecordedFingerprintsTest {
  private final RecordedFingerprints table = new RecordedFingerprints();

  private static Fingerprint fingerprint(long seed) {
    return new Fingerprint(seed, seed * 31, seed ^ 1, seed ^ 2, -seed, Long.MAX_VALUE - seed);
  }

  /** A few thousand paths of every awkward kind. */
  private static List<String> paths() {
    List<String> paths = new ArrayList<>();
    paths.add("");
    paths.add("a");
    paths.add("/");
    paths.add(" ");
    paths.add("\u0000");
    paths.add("\uD800 lone surrogate");
    paths.add("\uDC00");
    String longPrefix = "very/".repeat(200) + "long/path-";
    for (int i = 0; i < 1_000; i++) {
      paths.add("src/main/java/File" + i + ".java");
      paths.add("dír/ファイル" + i + ".rs");
      paths.add("emoji/\uD83D\uDE00" + i);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      paths.add(longPrefix + c); // differ only in the last byte
      paths.add("same/prefix/" + c);
    }
    return paths;
  }

  private void assertMatches(Map<String, Fingerprint> model, List<String> paths) {
    assertThat(table.size()).isEqualTo(model.size());
    for (String path : paths) {
      assertThat(table.get(path)).as(path).isEqualTo(model.get(path));
    }
    assertThat(table.knownPaths()).isEqualTo(model.keySet());
  }

  @Test
  void randomOperationsMatchAMap() {
    List<String> paths = paths();
    Map<String, Fingerprint> model = new HashMap<>();
    Random random = new Random(20_240_611);
    for (int step = 0; step < 60_000; step++) {
      String path = paths.get(random.nextInt(paths.size()));
      Fingerprint f = fingerprint(random.nextInt(1_000_000));
      // Phases heavy on removal let the table fill, empty and compact several times.
      boolean removing = (step / 5_000) % 2 == 1;
      int op = random.nextInt(10);
      if (op < (removing ? 2 : 4)) {
        table.put(path, f);
        model.put(path, f);
      } else if (op < (removing ? 3 : 7)) {
        assertThat(table.putIfAbsent(path, f)).as(path).isEqualTo(model.putIfAbsent(path, f));
      } else if (op < (removing ? 9 : 8)) {
        assertThat(table.remove(path)).as(path).isEqualTo(model.remove(path));
      } else {
        assertThat(table.get(path)).as(path).isEqualTo(model.get(path));
      }
      assertThat(table.size()).isEqualTo(model.size());
      assertThat(table.get(path)).as(path).isEqualTo(model.get(path));
      if (step % 2_500 == 0) {
        assertMatches(model, paths);
      }
    }
    assertMatches(model, paths);
  }

  @Test
  void growsPastSeveralResizes() {
    for (int i = 0; i < 50_000; i++) {
      table.put("g" + (i % 97) + "/d" + i + "/f.txt", fingerprint(i));
    }

    assertThat(table.size()).isEqualTo(50_000);
    for (int i = 0; i < 50_000; i++) {
      assertThat(table.get("g" + (i % 97) + "/d" + i + "/f.txt")).isEqualTo(fingerprint(i));
    }
    assertThat(table.get("g0/d97/f.txt ")).isNull();
  }

  @Test
  void compactingAfterManyRemovalsKeepsEveryLiveEntry() {
    for (int i = 0; i < 20_000; i++) {
      table.put("f" + i, fingerprint(i));
    }
    for (int i = 0; i < 20_000; i++) {
      if (i % 10 != 3) {
        assertThat(table.remove("f" + i)).isEqualTo(fingerprint(i));
      }
    }
    table.put("f3", fingerprint(-3)); // replaced after the compaction
    table.putIfAbsent("new", fingerprint(-1));

    assertThat(table.size()).isEqualTo(2_001);
    for (int i = 0; i < 20_000; i++) {
      Fingerprint expected = i == 3 ? fingerprint(-3) : i % 10 == 3 ? fingerprint(i) : null;
      assertThat(table.get("f" + i)).as("f" + i).isEqualTo(expected);
    }
    assertThat(table.get("new")).isEqualTo(fingerprint(-1));
    assertThat(table.footprintBytes()).isLessThan(2_001L * 200);
  }

  @Test
  void removingEverythingLeavesAnEmptyTableThatFillsAgain() {
    for (int i = 0; i < 1_000; i++) {
      table.put("f" + i, fingerprint(i));
    }
    for (int i = 0; i < 1_000; i++) {
      table.remove("f" + i);
    }
    assertThat(table.size()).isZero();
    assertThat(table.knownPaths()).isEmpty();
    assertThat(table.remove("f1")).isNull();

    table.put("f1", fingerprint(1));
    assertThat(table.knownPaths()).containsExactly("f1");
  }

  @Test
  void theKeySetIsACopy() {
    table.put("a", fingerprint(1));
    table.put("b", fingerprint(2));

    var known = table.knownPaths();
    table.remove("a");
    table.put("c", fingerprint(3));

    assertThat(known).containsExactlyInAnyOrder("a", "b");
    assertThat(table.knownPaths()).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void aSnapshotKeepsWhatWasThereWhenItWasTaken() {
    table.put("a", fingerprint(1));
    table.put("dír/ファイル.rs", fingerprint(2));
    table.put("gone", fingerprint(3));
    table.remove("gone");

    RecordedFingerprints.Snapshot snapshot = table.snapshot();
    table.put("a", fingerprint(9));
    table.put("later", fingerprint(4));

    Map<String, Fingerprint> seen = new HashMap<>();
    for (int i = 0; i < snapshot.size(); i++) {
      seen.put(snapshot.path(i), snapshot.fingerprint(i));
    }
    assertThat(seen).isEqualTo(Map.of("a", fingerprint(1), "dír/ファイル.rs", fingerprint(2)));
  }

  @Test
  void twoThreadsPuttingDisjointPathsBothLand() throws InterruptedException {
    Thread left = new Thread(() -> putAll("left/"));
    Thread right = new Thread(() -> putAll("right/"));
    left.start();
    right.start();
    left.join();
    right.join();

    assertThat(table.size()).isEqualTo(40_000);
    for (int i = 0; i < 20_000; i++) {
      assertThat(table.get("left/" + i)).isEqualTo(fingerprint(i));
      assertThat(table.get("right/" + i)).isEqualTo(fingerprint(i));
    }
  }

  private void putAll(String prefix) {
    for (int i = 0; i < 20_000; i++) {
      table.put(prefix + i, fingerprint(i));
      table.putIfAbsent(prefix + i, fingerprint(-i)); // present already: no change
    }
  }

  @Test
  void aHundredThousandShortPathsTakeUnderNinetyBytesEach() {
    for (int i = 0; i < 100_000; i++) {
      table.put("g" + (i / 2_000) + "/d" + (i / 20) + "/f" + (i % 20) + ".txt", fingerprint(i));
    }

    assertThat(table.footprintBytes() / 100_000).isLessThanOrEqualTo(90);
  }
}
