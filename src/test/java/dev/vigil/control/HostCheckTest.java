package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostCheckTest {
  @Test
  void onlyLoopbackNamesPass() {
    for (String ok :
        List.of(
            "localhost",
            "Localhost:80",
            "127.0.0.1",
            "127.255.255.254:65535",
            "[::1]",
            "[::1]:1")) {
      assertThat(HostCheck.isLoopback(List.of(ok))).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "",
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.",
            "127.0.0.1:",
            "127.0.0.1:80x",
            "127.0.0",
            "127.0.0.300",
            "128.0.0.1",
            "::1",
            "[::1",
            "[::2]",
            "localhost:80:80",
            "2130706433")) {
      assertThat(HostCheck.isLoopback(List.of(bad))).as(bad).isFalse();
    }
    assertThat(HostCheck.isLoopback(null)).isFalse();
    assertThat(HostCheck.isLoopback(List.of("localhost", "evil.example"))).isFalse();
  }
}
