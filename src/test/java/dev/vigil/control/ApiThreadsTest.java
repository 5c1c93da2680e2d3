package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The API's request threads follow how many requests run at once, not how many were made. */
class ApiThreadsTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void requestsOneAfterAnotherReuseTheSameFewThreads() throws Exception {
    fx.start(root, state, ApiFixture.oneStage("true"));

    for (int i = 0; i < 30; i++) {
      assertThat(fx.get("/api/status").statusCode()).isEqualTo(200);
    }

    // two stay; one more may start when a request comes before the previous one's thread is back
    assertThat(requestThreads()).isLessThanOrEqualTo(4);
  }

  private static long requestThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().matches("vigil-http-[0-9]+"))
        .count();
  }
}
