package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class WellKnownSkfLibrariesTest {

  @Test
  void eachOsHasItsOwnVendorList() {
    assertThat(WellKnownSkfLibraries.candidates("Windows 11"))
        .allMatch(p -> p.endsWith(".dll"))
        .contains("C:\\Windows\\System32\\mtoken_gm3000.dll");
    assertThat(WellKnownSkfLibraries.candidates("Mac OS X")).allMatch(p -> p.endsWith(".dylib"));
    assertThat(WellKnownSkfLibraries.candidates("Linux"))
        .allMatch(p -> p.contains(".so"))
        .contains("/usr/lib/libgm3000.1.0.so");
  }

  @Test
  void onlyExistingFilesArePresent() {
    assertThat(WellKnownSkfLibraries.present()).allMatch(Files::isRegularFile);
  }
}
