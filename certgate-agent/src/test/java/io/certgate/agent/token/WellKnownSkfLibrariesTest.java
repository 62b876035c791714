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

class WellKnownSkfLibrariesTest {
  @TempDir Path root;

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
  void findsLongmaiInItsUosAndKylinPackagesAndFeitianInAnArmLibraryFolder() throws IOException {
    Path uos = file("opt/apps/com.longmai.gm3000user/files/lib/libgm3000.1.0.so");
    Path kylin = file("opt/lm-gm3000/lib/libgm3000.1.0.so");
    Path feitian = file("usr/lib/aarch64-linux-gnu/libes_3000gm.so.1.0.0");
    file("opt/lm-gm3000/lib/libgm3000_pkcs11.so"); // Longmai's PKCS#11 module, not its SKF library
    file("usr/lib/libvendorskf.so"); // a name nobody documents

    assertThat(WellKnownSkfLibraries.present(LINUX, root)).containsExactly(uos, kylin, feitian);
  }

  @Test
  void findsTheWindowsDllsInSystem32AndTheMacLibrariesInUsrLocalLib() throws IOException {
    Path longmai = file("Windows/System32/mtoken_gm3000.dll");
    Path haitai = file("Windows/System32/SKFAPI20538.dll");
    Path feitian = file("usr/local/lib/libes_3000gm.dylib");

    assertThat(WellKnownSkfLibraries.present(WINDOWS, root)).containsExactly(longmai, haitai);
    assertThat(WellKnownSkfLibraries.present(MACOS, root)).containsExactly(feitian);
  }

  @Test
  void findsNothingWhereNoVendorIsInstalled() {
    assertThat(WellKnownSkfLibraries.present(LINUX, root)).isEmpty();
    assertThat(WellKnownSkfLibraries.present(WINDOWS, root)).isEmpty();
    assertThat(WellKnownSkfLibraries.present()).allMatch(Files::isRegularFile);
  }

  private Path file(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not really a library");
  }
}
