package io.certgate.agent.token;

import static io.certgate.agent.token.LibrarySearch.Os.LINUX;
import static io.certgate.agent.token.LibrarySearch.Os.MACOS;
import static io.certgate.agent.token.LibrarySearch.Os.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WellKnownModulesTest {
  @TempDir Path root;

  @Test
  void eachOsHasItsOwnVendorList() {
    assertThat(WellKnownModules.candidates("Windows 11")).allMatch(p -> p.endsWith(".dll"));
    assertThat(WellKnownModules.candidates("Mac OS X")).anyMatch(p -> p.contains("libsofthsm2"));
    assertThat(WellKnownModules.candidates("Linux")).contains("/usr/lib/softhsm/libsofthsm2.so");
  }

  @Test
  void findsTheChineseVendorsModulesWhereTheirLinuxPackagesPutThem() throws IOException {
    Path longmai = file("opt/apps/com.longmai.gm3000admin/files/lib/libgm3000_pkcs11.so");
    Path epass2003 = file("usr/lib64/libcastle.so.1.0.0");
    Path epass3003 = file("usr/lib/libshuttle_p11v220.so");
    Path watchData = file("usr/lib/loongarch64-linux-gnu/libwdpkcs.so");
    Path softHsm = file("usr/lib/softhsm/libsofthsm2.so");
    file("opt/apps/com.longmai.gm3000admin/files/lib/libgm3000.1.0.so"); // SKF, not PKCS#11

    assertThat(WellKnownModules.present(LINUX, root))
        .containsExactly(longmai, epass2003, epass3003, watchData, softHsm);
  }

  @Test
  void findsTheWindowsAndMacModulesAndSkipsTheMissingOnes() throws IOException {
    Path watchData = file("Windows/System32/WDPKCS.dll");
    Path openSc = file("Program Files/OpenSC Project/OpenSC/pkcs11/opensc-pkcs11.dll");
    Path epass2003 = file("usr/local/lib/libcastle.1.0.0.dylib");

    assertThat(WellKnownModules.present(WINDOWS, root)).containsExactly(watchData, openSc);
    assertThat(WellKnownModules.present(MACOS, root)).containsExactly(epass2003);
  }

  @Test
  void onlyExistingFilesArePresent() {
    assertThat(WellKnownModules.present()).allMatch(Files::isRegularFile);
  }

  private Path file(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not really a library");
  }
}
