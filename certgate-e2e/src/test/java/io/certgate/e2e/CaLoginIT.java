package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Flows 3, 4a and 5 of issue 6, as one member's story: 梅里 binds the RSA key on her USB token
 * (SoftHSM2) herself, logs in with it by CA, mistypes the PIN; the key cannot be bound to 四海 as
 * well; a second key of hers binds, is unbound, and then cannot log in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaLoginIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private Platform platform;
  private LoginPage login;
  private CaUsersPage users;
  private String origin;

  @BeforeEach
  void setUp() {
    platform = Platform.get();
    origin = platform.server.origin();
    login = new LoginPage(chromium, platform.server);
    users = new CaUsersPage(chromium, platform.server);
  }

  private String id(TestKeys.Key key) throws Exception {
    return platform.agent.certificateId(key.signatureCertificate(), origin);
  }

  @Test
  @Order(1)
  void aMemberBindsHerTokenThenLogsInWithItByCa() throws Exception {
    login.loginWithPassword("meili", PlatformServer.MEMBER_PASSWORD);
    users.open("");
    assertThat(users.names()).containsExactly("经办人梅里");
    users.openBind("经办人梅里");
    users.bind(id(platform.keys.meiliToken), TestKeys.PIN);
    chromium
        .await()
        .until(d -> users.cell("经办人梅里", "CA锁ID").contains(platform.keys.meiliToken.lockId()));

    login.logout();
    login.openCaTab();
    assertThat(login.unlabelledInputs("ca")).isEmpty();
    login.caLogin(id(platform.keys.meiliToken), TestKeys.PIN);

    login.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains("用户中心", "meili", "经办人梅里");
  }

  @Test
  @Order(2)
  void aWrongPinSaysHowManyTriesAreLeft() throws Exception {
    login.open();
    login.openCaTab();
    String certificate = id(platform.keys.meiliToken);
    login.caLogin(certificate, "000000");
    // a key's flags give no number until the final try (see the agent's PinFlags)
    assertThat(login.error("ca")).isEqualTo("PIN码错误");

    login.caLogin(certificate, "000001");
    String expected =
        platform.pinsCounted ? "PIN码错误,还可尝试 1 次" : "PIN码错误"; // SoftHSM2 alone never counts
    // the page clears its error line on submit, so this is the second answer's message
    assertThat(login.error("ca")).isEqualTo(expected);
    chromium.snapshot(CaLoginIT.class, "finalTryMessage");

    // the right PIN on the final try still works, and resets the token's count
    login.caLogin(certificate, TestKeys.PIN);
    login.awaitUserCenter();
  }

  @Test
  @Order(3)
  void aKeyBoundToOneAccountIsRefusedForAnother() throws Exception {
    login.loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    users.open("?name=四海");
    users.openBind("经办人四海");
    users.bind(id(platform.keys.meiliToken), TestKeys.PIN);

    assertThat(users.dialogError()).isEqualTo("该CA锁已绑定其他账号,一把CA锁只能绑定一个账号");
    assertThat(users.dialog().getDomProperty("open")).isEqualTo("true");
  }

  @Test
  @Order(4)
  void aSecondKeyBindsAndOnceUnboundCannotLogIn() throws Exception {
    TestKeys.Key spare = platform.keys.meiliSpare;
    login.loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    users.open("?name=梅里");
    users.openBind("经办人梅里");
    users.bind(id(spare), TestKeys.PIN);
    chromium.await().until(d -> users.cell("经办人梅里", "CA锁ID").contains(spare.lockId()));
    assertThat(users.cell("经办人梅里", "CA锁ID")).contains(platform.keys.meiliToken.lockId());

    users
        .row("经办人梅里")
        .findElement(By.cssSelector("button.unbind[data-lock='" + spare.lockId() + "']"))
        .click();
    chromium.await().until(ExpectedConditions.alertIsPresent());
    assertThat(chromium.driver().switchTo().alert().getText()).contains("解除绑定", spare.lockId());
    chromium.driver().switchTo().alert().accept();
    chromium.await().until(d -> !users.cell("经办人梅里", "CA锁ID").contains(spare.lockId()));
    assertThat(users.cell("经办人梅里", "CA锁ID")).contains(platform.keys.meiliToken.lockId());

    login.logout();
    login.openCaTab();
    login.caLogin(id(spare), TestKeys.PIN);
    assertThat(login.error("ca")).startsWith("该CA锁未绑定账号");
    assertThat(chromium.driver().getCurrentUrl()).contains("/login");
  }
}
