package io.certgate.agent.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where vendors of 国密 USB keys install their SKF libraries (GM/T 0016), per OS. Only files that
 * exist are loaded, so a vendor that is not installed costs nothing; users add others with {@code
 * CERTGATE_AGENT_SKF}. The names are those the vendors' driver packages install (listed in the
 * README with where they come from); installers that package the agent may reference this list.
 */
public final class WellKnownSkfLibraries {
  private static final List<String> WINDOWS =
      List.of(
          "C:\\Windows\\System32\\mtoken_gm3000.dll", // Longmai mToken GM3000
          "C:\\Windows\\System32\\ShuttleCsp11_3000GM.dll", // Feitian ePass3000GM
          "C:\\Windows\\System32\\SKFAPI20538.dll", // Haitai HaiKey
          "C:\\Windows\\System32\\NetcaSKF.dll"); // NETCA
  private static final List<String> MAC =
      List.of(
          "/usr/local/lib/libgm3000.1.0.dylib", // Longmai mToken GM3000
          "/usr/local/lib/libes_3000gm.dylib"); // Feitian ePass3000GM
  private static final List<String> LINUX =
      List.of(
          "/usr/lib/libgm3000.1.0.so", // Longmai mToken GM3000
          "/usr/lib64/libgm3000.1.0.so",
          "/usr/local/lib/libgm3000.1.0.so",
          "/usr/lib/x86_64-linux-gnu/libgm3000.1.0.so",
          "/usr/lib/aarch64-linux-gnu/libgm3000.1.0.so",
          "/usr/lib/libes_3000gm.so.1.0.0", // Feitian ePass3000GM
          "/usr/lib64/libes_3000gm.so.1.0.0",
          "/usr/local/lib/libes_3000gm.so.1.0.0");

  private WellKnownSkfLibraries() {}

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
