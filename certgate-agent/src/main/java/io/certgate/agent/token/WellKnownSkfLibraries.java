package io.certgate.agent.token;

import static io.certgate.agent.token.LibrarySearch.LINUX_LIBRARY_DIRS;
import static io.certgate.agent.token.LibrarySearch.Os.LINUX;
import static io.certgate.agent.token.LibrarySearch.Os.MACOS;
import static io.certgate.agent.token.LibrarySearch.Os.WINDOWS;
import static io.certgate.agent.token.LibrarySearch.WINDOWS_SYSTEM32;

import java.nio.file.Path;
import java.util.List;

/**
 * Where vendors of 国密 USB keys install their SKF libraries (GM/T 0016), per OS. Only files that
 * exist are loaded, so a vendor that is not installed costs nothing; users add others with {@code
 * CERTGATE_AGENT_SKF}. The names are those the vendors' driver packages install (listed in the
 * README with where they come from); installers that package the agent may reference this list.
 */
public final class WellKnownSkfLibraries {
  private static final LibrarySearch SEARCH =
      LibrarySearch.builder()
          .add(WINDOWS, WINDOWS_SYSTEM32, "mtoken_gm3000.dll") // Longmai mToken GM3000
          .add(WINDOWS, WINDOWS_SYSTEM32, "ShuttleCsp11_3000GM.dll") // Feitian ePass3000GM
          .add(WINDOWS, WINDOWS_SYSTEM32, "SKFAPI20538.dll") // Haitai HaiKey
          .add(WINDOWS, WINDOWS_SYSTEM32, "NetcaSKF.dll") // NETCA
          .add(MACOS, "/usr/local/lib", "libgm3000.1.0.dylib") // Longmai mToken GM3000
          .add(MACOS, "/usr/local/lib", "libes_3000gm.dylib") // Feitian ePass3000GM
          .add(LINUX, WellKnownModules.LONGMAI_LINUX_DIRS, "libgm3000.1.0.so") // Longmai GM3000
          .add(LINUX, LINUX_LIBRARY_DIRS, "libgm3000.1.0.so")
          .add(LINUX, LINUX_LIBRARY_DIRS, "libes_3000gm.so.1.0.0") // Feitian ePass3000GM
          .build();

  private WellKnownSkfLibraries() {}

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
