package io.certgate.agent.token;

import static io.certgate.agent.token.LibrarySearch.LINUX_LIBRARY_DIRS;
import static io.certgate.agent.token.LibrarySearch.Os.LINUX;
import static io.certgate.agent.token.LibrarySearch.Os.MACOS;
import static io.certgate.agent.token.LibrarySearch.Os.WINDOWS;
import static io.certgate.agent.token.LibrarySearch.WINDOWS_SYSTEM32;

import java.nio.file.Path;
import java.util.List;

/**
 * Where vendors install their PKCS#11 modules, per OS (the README's table says where each name
 * comes from). Only files that exist are used, so a missing vendor costs nothing; users add others
 * with {@code CERTGATE_AGENT_PKCS11}. Installers that package the agent may reference this list.
 */
public final class WellKnownModules {
  /** Longmai's GM3000 driver packages: 统信UOS app folders, 银河麒麟 /opt folders. */
  static final List<String> LONGMAI_LINUX_DIRS =
      List.of(
          "/opt/apps/com.longmai.gm3000user/files/lib",
          "/opt/apps/com.longmai.gm3000admin/files/lib",
          "/opt/lm-gm3000/lib",
          "/opt/lm-gm3000user/lib",
          "/opt/lm-gm3000admin/lib");

  private static final LibrarySearch SEARCH =
      LibrarySearch.builder()
          .add(WINDOWS, WINDOWS_SYSTEM32, "eTPKCS11.dll") // SafeNet / Thales Authentication Client
          .add(WINDOWS, WINDOWS_SYSTEM32, "IDPrimePKCS11.dll") // Thales (Gemalto) IDPrime
          .add(WINDOWS, WINDOWS_SYSTEM32, "eps2003csp11.dll") // Feitian ePass2003
          .add(WINDOWS, WINDOWS_SYSTEM32, "WDPKCS.dll") // WatchData ProxKey
          .add(WINDOWS, WINDOWS_SYSTEM32, "opensc-pkcs11.dll") // OpenSC
          .add(WINDOWS, "C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11", "opensc-pkcs11.dll")
          .add(WINDOWS, "C:\\Program Files\\Yubico\\Yubico PIV Tool\\bin", "libykcs11.dll")
          .add(WINDOWS, "C:\\SoftHSM2\\lib", "softhsm2-x64.dll") // SoftHSM2 (tests, demos)
          .add(MACOS, "/usr/local/lib", "libeTPkcs11.dylib")
          .add(MACOS, "/usr/local/lib", "libcastle.1.0.0.dylib") // Feitian ePass2003
          .add(MACOS, "/usr/local/lib", "libwdpkcs.dylib") // WatchData ProxKey
          .add(MACOS, "/Library/OpenSC/lib", "opensc-pkcs11.so")
          .add(MACOS, List.of("/usr/local/lib", "/opt/homebrew/lib"), "libykcs11.dylib")
          .add(
              MACOS,
              List.of("/usr/local/lib/softhsm", "/opt/homebrew/lib/softhsm"),
              "libsofthsm2.so")
          .add(LINUX, LONGMAI_LINUX_DIRS, "libgm3000_pkcs11.so") // Longmai mToken GM3000
          .add(LINUX, LINUX_LIBRARY_DIRS, "libcastle.so.1.0.0") // Feitian ePass2003
          .add(LINUX, LINUX_LIBRARY_DIRS, "libshuttle_p11v220.so") // Feitian ePass3003
          .add(LINUX, LINUX_LIBRARY_DIRS, "libwdpkcs.so") // WatchData ProxKey
          .add(LINUX, "/usr/lib", "libeTPkcs11.so", "libIDPrimePKCS11.so")
          .add(
              LINUX,
              List.of(
                  "/usr/lib/x86_64-linux-gnu",
                  "/usr/lib/aarch64-linux-gnu",
                  "/usr/lib/loongarch64-linux-gnu",
                  "/usr/lib64/pkcs11"),
              "opensc-pkcs11.so")
          .add(LINUX, "/usr/lib/x86_64-linux-gnu", "libykcs11.so")
          .add(LINUX, List.of("/usr/lib/softhsm", "/usr/lib64/pkcs11"), "libsofthsm2.so")
          .build();

  private WellKnownModules() {}

  /** The candidate paths for an OS name as in {@code os.name}. */
  public static List<String> candidates(String osName) {
    return SEARCH.candidates(LibrarySearch.Os.named(osName));
  }

  /** The candidates of this OS that exist here. */
  public static List<Path> present() {
    return SEARCH.present();
  }

  /** The candidates of {@code os} that exist under {@code root} (for tests and installers). */
  public static List<Path> present(LibrarySearch.Os os, Path root) {
    return SEARCH.present(os, root);
  }
}
