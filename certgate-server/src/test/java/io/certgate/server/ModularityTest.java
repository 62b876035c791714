package io.certgate.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages keep their boundaries: no cycles, no use of another module's internals. */
class ModularityTest {
  @Test
  void verifiesModuleBoundaries() {
    ApplicationModules.of(CertGateServer.class).verify();
  }
}
