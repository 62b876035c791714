package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 15: the 驱动下载 page offers first the package that fits the visitor's system (from the
 * User-Agent), with size and SHA-256, the others one click away, and says so plainly when there is
 * none for that system. The packages are small files the test puts in the server's package folder.
 */
class ClientPackagesIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private static final String LINUX_UA =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0.0.0 Safari/537.36 UOS";
  private static final String WINDOWS_UA =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0.0.0 Safari/537.36";

  private static final String DEB = "certgate-agent_0.1.0-1_amd64.deb";
  private static final String MSI = "certgate-agent-0.1.0.msi";

  private final Path folder = Platform.get().server.packages();

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private void openAs(String userAgent) {
    ((ChromeDriver) chromium.driver())
        .executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent));
    chromium.driver().get(Platform.get().server.url("/ca/drivers"));
  }

  private static int status(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(Platform.get().server.uri(path)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private WebElement first() {
    return chromium.driver().findElement(By.id("first-package"));
  }

  @AfterEach
  void removePackages() throws Exception {
    // other tests (DriverDownloadIT) see the shared server with the jar only
    for (String name : new String[] {DEB, MSI}) {
      Files.deleteIfExists(folder.resolve(name));
    }
  }

  @Test
  void eachSystemSeesItsOwnPackageFirstWithItsChecksum() throws Exception {
    Files.createDirectories(folder);
    byte[] deb = "fake deb for the test".getBytes();
    byte[] msi = "fake msi, a little longer than the deb".getBytes();
    Files.write(folder.resolve(DEB), deb);
    Files.write(folder.resolve(MSI), msi);

    openAs(LINUX_UA);
    assertThat(chromium.driver().findElement(By.id("visitor-os")).getText()).contains("Linux");
    assertThat(first().getText()).contains(DEB).contains(sha256(deb)).contains(deb.length + " B");
    assertThat(first().findElement(By.linkText("立即下载")).getDomProperty("href"))
        .endsWith("/downloads/" + DEB);
    assertThat(chromium.driver().findElements(By.id("no-package"))).isEmpty();
    // the others one click away, with their checksums
    WebElement others = chromium.driver().findElement(By.id("other-packages"));
    assertThat(others.findElement(By.tagName("table")).isDisplayed()).isFalse();
    others.findElement(By.tagName("summary")).click();
    assertThat(others.getText()).contains(MSI).contains(sha256(msi)).contains("certgate-agent.jar");
    chromium.snapshot(ClientPackagesIT.class, "linux");

    openAs(WINDOWS_UA);
    assertThat(first().getText()).contains(MSI).contains(sha256(msi));
    assertThat(chromium.driver().findElement(By.id("other-packages")).getDomProperty("textContent"))
        .contains(DEB);
  }

  @Test
  void aSystemWithoutAPackageIsToldSoAndOfferedTheOthers() throws Exception {
    Files.createDirectories(folder);
    byte[] deb = "fake deb for the test".getBytes();
    Files.write(folder.resolve(DEB), deb);

    openAs(WINDOWS_UA);
    assertThat(chromium.driver().findElement(By.id("no-package")).getText())
        .isEqualTo("暂未提供适用于Windows的安装包");
    // the client jar (any system, Java needed) is still offered first; the .deb among the others
    assertThat(first().getText()).contains("certgate-agent.jar");
    WebElement others = chromium.driver().findElement(By.id("other-packages"));
    others.findElement(By.tagName("summary")).click();
    assertThat(others.getText()).contains(DEB).contains(sha256(deb));
    // only listed names are served: not another file, not a path out of the folder
    assertThat(status("/downloads/server.log")).isEqualTo(404);
    assertThat(status("/downloads/..%2Fserver.log")).isIn(400, 404);
    assertThat(status("/downloads/" + DEB)).isEqualTo(200);
  }
}
