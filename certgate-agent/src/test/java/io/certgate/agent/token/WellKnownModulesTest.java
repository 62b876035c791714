package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class WellKnownModulesTest {

  @Test
  void eachOsHasItsOwnVendorList() {
    assertThat(WellKnownModules.candidates("Windows 11")).allMatch(p -> p.endsWith(".dll"));
    assertThat(WellKnownModules.candidates("Mac OS X")).anyMatch(p -> p.contains("libsofthsm2"));
    assertThat(WellKnownModules.candidates("Linux")).contains("/usr/lib/softhsm/libsofthsm2.so");
  }

  @Test
  void onlyExistingFilesArePresent() {
    assertThat(WellKnownModules.present()).allMatch(Files::isRegularFile);
  }
}
