package io.certgate.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoArgumentsTest {
  @Test
  void defaultsToTheDemoPortsAndServing() {
    DemoArguments arguments = DemoArguments.parse(new String[] {"--out", "demo"});

    assertThat(arguments).isEqualTo(new DemoArguments(Path.of("demo"), 27160, 27161, true));
  }

  @Test
  void readsPortsAndNoServe() {
    DemoArguments arguments =
        DemoArguments.parse(
            new String[] {"--out", "d", "--crl-port", "0", "--ocsp-port", "9000", "--no-serve"});

    assertThat(arguments).isEqualTo(new DemoArguments(Path.of("d"), 0, 9000, false));
  }

  @Test
  void rejectsMissingOutBadPortsAndUnknownArguments() {
    assertThatThrownBy(() -> DemoArguments.parse(new String[] {})).hasMessageContaining("--out");
    assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--out", "d", "--crl-port", "x"}))
        .hasMessageContaining("not a port");
    assertThatThrownBy(
            () -> DemoArguments.parse(new String[] {"--out", "d", "--crl-port", "70000"}))
        .hasMessageContaining("range");
    assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--out"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--out", "d", "--what"}))
        .hasMessageContaining("unknown");
  }
}
