package io.certgate.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.provider.ClientPackages.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPackagesTest {
  @TempDir Path dir;

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theVisitorsSystemComesFromTheUserAgent() {
    assertThat(
            Os.fromUserAgent(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0"))
        .isEqualTo(Os.WINDOWS);
    assertThat(
            Os.fromUserAgent(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1"))
        .isEqualTo(Os.MAC);
    assertThat(Os.fromUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120"))
        .isEqualTo(Os.LINUX);
    // 统信UOS and 银河麒麟 browsers
    assertThat(
            Os.fromUserAgent(
                "Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 Chrome/101 UOS Browser/6.0"))
        .isEqualTo(Os.LINUX);
    assertThat(Os.fromUserAgent("Mozilla/5.0 (X11; Kylin; mips64) Gecko/20100101 Firefox/91"))
        .isEqualTo(Os.LINUX);
    assertThat(
            Os.fromUserAgent(
                "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Mobile Safari"))
        .isEqualTo(Os.UNKNOWN);
    assertThat(Os.fromUserAgent("curl/8.5.0")).isEqualTo(Os.UNKNOWN);
    assertThat(Os.fromUserAgent(null)).isEqualTo(Os.UNKNOWN);
  }

  @Test
  void listsTheFoldersPackagesWithSizeAndSha256() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("packages"));
    byte[] deb = "a Debian package, as far as the server cares".getBytes();
    byte[] msi = new byte[200_000];
    new java.util.Random(15).nextBytes(msi);
    Files.write(folder.resolve("certgate-agent_0.1.0-1_amd64.deb"), deb);
    Files.write(folder.resolve("certgate-agent-0.1.0.msi"), msi);
    Files.writeString(folder.resolve("README.txt"), "not a package");
    Files.createDirectories(folder.resolve("sub.deb"));
    Path jar = Files.write(dir.resolve("agent.jar"), new byte[] {1, 2, 3});

    ClientPackages packages = new ClientPackages(folder.toString(), jar.toString());

    assertThat(packages.all())
        .extracting(ClientPackages.Package::name, ClientPackages.Package::os)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("certgate-agent-0.1.0.msi", Os.WINDOWS),
            org.assertj.core.groups.Tuple.tuple("certgate-agent_0.1.0-1_amd64.deb", Os.LINUX),
            org.assertj.core.groups.Tuple.tuple(ProviderPages.CLIENT_FILE, Os.ANY));
    ClientPackages.Package m = packages.find("certgate-agent-0.1.0.msi").orElseThrow();
    assertThat(m.size()).isEqualTo(200_000L);
    assertThat(m.sha256()).isEqualTo(sha256(msi));
    assertThat(m.sizeText()).isEqualTo("195.3 KB");
    ClientPackages.Package d = packages.find("certgate-agent_0.1.0-1_amd64.deb").orElseThrow();
    assertThat(d.size()).isEqualTo(deb.length);
    assertThat(d.sha256()).isEqualTo(sha256(deb));
    assertThat(packages.find(ProviderPages.CLIENT_FILE).orElseThrow().sha256())
        .isEqualTo(sha256(new byte[] {1, 2, 3}));

    // a replaced file (new size and time) gets its new checksum
    byte[] newer = "version two".getBytes();
    Path debFile = folder.resolve("certgate-agent_0.1.0-1_amd64.deb");
    Files.write(debFile, newer);
    Files.setLastModifiedTime(debFile, FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(packages.find("certgate-agent_0.1.0-1_amd64.deb").orElseThrow().sha256())
        .isEqualTo(sha256(newer));
  }

  @Test
  void findsOnlyListedNamesSoNoPathLeavesTheFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("packages"));
    Files.write(folder.resolve("client.deb"), new byte[] {7});
    Files.write(dir.resolve("secret.deb"), new byte[] {8});
    Files.writeString(folder.resolve("notes.txt"), "not offered");
    ClientPackages packages = new ClientPackages(folder.toString(), dir.resolve("none").toString());

    assertThat(packages.find("client.deb")).isPresent();
    assertThat(packages.find("../secret.deb")).isEmpty();
    assertThat(packages.find(dir.resolve("secret.deb").toString())).isEmpty();
    assertThat(packages.find("./client.deb")).isEmpty();
    assertThat(packages.find("notes.txt")).isEmpty();
    assertThat(packages.find(ProviderPages.CLIENT_FILE)).isEmpty();
  }

  @Test
  void aMissingFolderOffersOnlyTheJar() throws Exception {
    Path jar = Files.write(dir.resolve("agent.jar"), new byte[] {1});
    assertThat(new ClientPackages(dir.resolve("absent").toString(), jar.toString()).all())
        .extracting(ClientPackages.Package::name)
        .containsExactly(ProviderPages.CLIENT_FILE);
  }
}
