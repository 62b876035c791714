package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Flow 4 (agent stopped) of issue 6: without a running CA client the CA pages say "CA客户端驱动未安装,请下载"
 * and their download link leads to the client.
 */
class CaClientMissingIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private Platform platform;

  @BeforeEach
  void stopTheAgent() {
    platform = Platform.get();
    platform.agent.stop();
  }

  @AfterEach
  void startTheAgentAgain() {
    platform.agent.start();
  }

  @Test
  void theCaLoginTabSaysTheDriverIsMissingAndLinksToIt() {
    LoginPage login = new LoginPage(chromium, platform.server).open();
    login.openCaTab();
    WebElement notice = login.panel("ca").findElement(By.cssSelector(".no-client"));
    chromium.await().until(ExpectedConditions.visibilityOf(notice));
    assertThat(notice.getText()).startsWith("CA客户端驱动未安装,请下载");
    assertThat(notice.getDomAttribute("role")).isEqualTo("alert"); // announced when it appears

    followDownloadLink(notice.findElement(By.tagName("a")));
  }

  @Test
  void theBindDialogSaysTheDriverIsMissingAndLinksToIt() {
    new LoginPage(chromium, platform.server)
        .loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    CaUsersPage users = new CaUsersPage(chromium, platform.server).open("?name=四海");
    users.openBind("经办人四海");
    WebElement notice = chromium.driver().findElement(By.cssSelector("#bind-dialog .no-client"));
    chromium.await().until(ExpectedConditions.visibilityOf(notice));
    assertThat(notice.getText()).startsWith("CA客户端驱动未安装,请下载");
    assertThat(users.certificateOptions()).isEmpty();
    assertThat(notice.getDomAttribute("role")).isEqualTo("alert");

    followDownloadLink(notice.findElement(By.tagName("a")));
  }

  /** The link opens a new tab; the test follows its address in this one. */
  private void followDownloadLink(WebElement link) {
    String href = link.getDomProperty("href");
    assertThat(href).startsWith(platform.server.url("/ca/drivers"));
    chromium.driver().get(href);
    WebElement download = chromium.driver().findElement(By.linkText("立即下载"));
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains("CA驱动下载", "CertGate CA客户端");
    assertThat(download.getDomProperty("href"))
        .isEqualTo(platform.server.url("/downloads/certgate-agent.jar"));
  }
}
