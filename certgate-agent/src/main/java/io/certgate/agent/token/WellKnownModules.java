package io.certgate.agent.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where vendors install their PKCS#11 modules, per OS. Only files that exist are used, so a missing
 * vendor costs nothing. Users add others with {@code CERTGATE_AGENT_PKCS11}.
 */
public final class WellKnownModules {
  private static final List<String> WINDOWS =
      List.of(
          "C:\\Windows\\System32\\eTPKCS11.dll", // SafeNet / Thales Authentication Client (eToken)
          "C:\\Windows\\System32\\IDPrimePKCS11.dll", // Thales (Gemalto) IDPrime
          "C:\\Windows\\System32\\eps2003csp11.dll", // Feitian ePass2003
          "C:\\Windows\\System32\\opensc-pkcs11.dll", // OpenSC
          "C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll",
          "C:\\Program Files\\Yubico\\Yubico PIV Tool\\bin\\libykcs11.dll", // YubiKey PIV
          "C:\\SoftHSM2\\lib\\softhsm2-x64.dll"); // SoftHSM2 (tests, demos)
  private static final List<String> MAC =
      List.of(
          "/usr/local/lib/libeTPkcs11.dylib",
          "/Library/OpenSC/lib/opensc-pkcs11.so",
          "/usr/local/lib/libykcs11.dylib",
          "/opt/homebrew/lib/libykcs11.dylib",
          "/usr/local/lib/softhsm/libsofthsm2.so",
          "/opt/homebrew/lib/softhsm/libsofthsm2.so");
  private static final List<String> LINUX =
      List.of(
          "/usr/lib/libeTPkcs11.so",
          "/usr/lib/libIDPrimePKCS11.so",
          "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
          "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
          "/usr/lib64/pkcs11/opensc-pkcs11.so",
          "/usr/lib/x86_64-linux-gnu/libykcs11.so",
          "/usr/lib/softhsm/libsofthsm2.so",
          "/usr/lib64/pkcs11/libsofthsm2.so");

  private WellKnownModules() {}

  /** The candidate paths for an OS name as in {@code os.name}. */
  public static List<String> candidates(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return WINDOWS;
    }
    if (os.startsWith("mac")) {
      return MAC;
    }
    return LINUX;
  }

  /** The candidates of this OS that exist here. */
  public static List<Path> present() {
    return candidates(System.getProperty("os.name", "")).stream()
        .map(Path::of)
        .filter(Files::isRegularFile)
        .toList();
  }
}
