package io.certgate.agent.token;

import static io.certgate.agent.token.LibrarySearch.Os.LINUX;
import static io.certgate.agent.token.LibrarySearch.Os.MACOS;
import static io.certgate.agent.token.LibrarySearch.Os.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibrarySearchTest {
  @TempDir Path root;

  private final LibrarySearch search =
      LibrarySearch.builder()
          .add(LINUX, List.of("/usr/lib", "/usr/lib/aarch64-linux-gnu"), "liba.so", "libb.so")
          .add(LINUX, "/opt/vendor/lib", "libc.so")
          .add(WINDOWS, "C:\\Windows\\System32", "a.dll", "b.dll")
          .add(MACOS, "/usr/local/lib", "liba.dylib")
          .build();

  @Test
  void listsEachOsCandidatesAsFoldersTimesNamesInOrder() {
    assertThat(search.candidates(LINUX))
        .containsExactly(
            "/usr/lib/liba.so",
            "/usr/lib/aarch64-linux-gnu/liba.so",
            "/usr/lib/libb.so",
            "/usr/lib/aarch64-linux-gnu/libb.so",
            "/opt/vendor/lib/libc.so");
    assertThat(search.candidates(WINDOWS))
        .containsExactly("C:\\Windows\\System32\\a.dll", "C:\\Windows\\System32\\b.dll");
    assertThat(search.candidates(MACOS)).containsExactly("/usr/local/lib/liba.dylib");
  }

  @Test
  void usesOnlyTheCandidatesThatAreFilesUnderTheRootInCandidateOrder() throws IOException {
    Path c = file("opt/vendor/lib/libc.so");
    Path a = file("usr/lib/aarch64-linux-gnu/liba.so");
    file("usr/lib/libunknown.so");

    assertThat(search.present(LINUX, root)).containsExactly(a, c);
  }

  @Test
  void skipsAFolderThatHasALibrarysName() throws IOException {
    Files.createDirectories(root.resolve("usr/lib/liba.so"));

    assertThat(search.present(LINUX, root)).isEmpty();
  }

  @Test
  void looksForWindowsPathsUnderTheRootWithoutTheDrive() throws IOException {
    Path b = file("Windows/System32/b.dll");
    file("usr/lib/liba.so"); // a Linux file does not count on Windows

    assertThat(search.present(WINDOWS, root)).containsExactly(b);
    assertThat(search.present(MACOS, root)).isEmpty();
  }

  @Test
  void usesAFileReachedThroughTwoCandidatesOnce() throws IOException {
    Path a = file("usr/lib/liba.so");
    Files.createDirectories(root.resolve("usr/lib/aarch64-linux-gnu"));
    Files.createSymbolicLink(root.resolve("usr/lib/aarch64-linux-gnu/liba.so"), a);

    assertThat(search.present(LINUX, root)).containsExactly(a);
  }

  @Test
  void takesFileNamesNotPaths() {
    assertThatThrownBy(() -> LibrarySearch.builder().add(LINUX, "/usr/lib", "vendor/liba.so"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vendor/liba.so");
  }

  @Test
  void tellsTheOperatingSystemsApartByTheirJavaNames() {
    assertThat(LibrarySearch.Os.named("Windows 11")).isEqualTo(WINDOWS);
    assertThat(LibrarySearch.Os.named("Mac OS X")).isEqualTo(MACOS);
    assertThat(LibrarySearch.Os.named("Linux")).isEqualTo(LINUX);
    assertThat(LibrarySearch.Os.named("FreeBSD")).isEqualTo(LINUX);
  }

  private Path file(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not really a library");
  }
}
