package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Flows 2 and 6 of issue 6: the organisation administrator's CA用户管理 (filter, page, 绑定 with only
 * signature certificates, 刷新证书, bind with the PIN for a member), the dialog's focus, and a member
 * of one organisation not seeing another's users.
 */
class CaBindingIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private Platform platform;
  private CaUsersPage page;

  @BeforeEach
  void logInAsTheOrganisationAdministrator() {
    platform = Platform.get();
    new LoginPage(chromium, platform.server)
        .loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    page = new CaUsersPage(chromium, platform.server);
  }

  @Test
  void filtersAndPagesTheOrganisationsUsers() {
    page.open("?name=梅里");
    assertThat(page.names()).containsExactly("经办人梅里");
    assertThat(page.total()).isEqualTo("共有 1 条");

    page.open("?size=2");
    List<String> first = page.names();
    assertThat(first).hasSize(2);
    assertThat(page.cell(first.get(0), "序号")).isEqualTo("1");
    chromium.driver().findElement(By.linkText(">")).click();
    chromium.await().until(d -> !page.names().equals(first));
    assertThat(page.names()).doesNotContainAnyElementsOf(first);
    assertThat(page.cell(page.names().get(0), "序号")).isEqualTo("3");

    page.open("");
    new Select(chromium.driver().findElement(By.name("bound"))).selectByValue("false");
    chromium.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
    chromium.await().until(d -> d.getCurrentUrl().contains("bound=false"));
    for (String name : page.names()) {
      assertThat(page.cell(name, "状态")).isEqualTo("未绑定");
    }
  }

  @Test
  void bindsAMembersKeyAndTheRowShowsTheCertificate() throws Exception {
    TestKeys.Key key = platform.keys.meiliSoft;
    String origin = platform.server.origin();
    JsonNode listed = platform.agent.certificates(origin);
    long signatureCertificates =
        StreamSupport.stream(listed.spliterator(), false)
            .filter(c -> c.path("signatureCapable").asBoolean())
            .count();
    page.open("?name=梅里");
    page.openBind("经办人梅里");
    assertThat(page.dialogField("organization").getDomProperty("value"))
        .isEqualTo(Accounts.DEMO_ORGANIZATION);
    assertThat(page.dialogField("user").getDomProperty("value")).isEqualTo("经办人梅里");

    page.awaitCertificates((int) signatureCertificates);
    assertThat(page.certificateOptions()).hasSize((int) signatureCertificates);
    assertThat(signatureCertificates).isLessThan(listed.size()); // encryption ones left out

    // a key inserted while the dialog is open shows up after 刷新证书
    platform.keys.insertSoftKey("韩梅梅", "E2E-HANMEIMEI", "hanmeimei");
    chromium.driver().findElement(By.cssSelector("#bind-dialog .refresh-certs")).click();
    chromium
        .await()
        .until(d -> page.certificateOptions().stream().anyMatch(o -> o.getText().contains("韩梅梅")));

    page.bind(platform.agent.certificateId(key.signatureCertificate(), origin), TestKeys.PIN);

    chromium.await().until(d -> page.cell("经办人梅里", "状态").equals("已绑定"));
    assertThat(page.cell("经办人梅里", "证书信息")).contains("梅里");
    assertThat(page.cell("经办人梅里", "CA锁ID")).isEqualTo(key.lockId());
    assertThat(page.cell("经办人梅里", "到期时间"))
        .isEqualTo(CaUsersPage.DATE.format(key.signatureCertificate().getNotAfter().toInstant()));
  }

  @Test
  void theBindDialogTakesTheFocusAndGivesItBack() {
    page.open("?name=四海");
    WebElement bind = page.row("经办人四海").findElement(By.cssSelector("button.bind"));
    page.openBind("经办人四海");
    assertThat(page.focusInDialog()).as("focus moves into the dialog").isTrue();
    assertThat(
            page.js(
                "return [...document.querySelectorAll('#bind-dialog input, #bind-dialog select')]"
                    + ".filter(i => i.type !== 'hidden' && i.labels.length === 0).length"))
        .isEqualTo(0L);

    chromium.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    chromium.await().until(d -> !"true".equals(page.dialog().getDomProperty("open")));
    assertThat(chromium.driver().switchTo().activeElement()).isEqualTo(bind);

    page.openBind("经办人四海");
    page.dialog().findElement(By.cssSelector("button.cancel")).click();
    chromium.await().until(d -> !"true".equals(page.dialog().getDomProperty("open")));
    assertThat(chromium.driver().switchTo().activeElement()).isEqualTo(bind);
  }

  @Test
  void noOneSeesTheUsersOfAnotherOrganisation() {
    Accounts.Account stranger = Accounts.newMemberOfNewOrganization(platform.server, "乙方经办人");
    page.open("");
    assertThat(page.names()).doesNotContain("乙方经办人").contains("经办人梅里", "经办人四海");
    assertThat(pageAt("/ca?organizationId=" + stranger.organizationId())).doesNotContain("乙方经办人");

    chromium.driver().manage().deleteAllCookies(); // logged out
    new LoginPage(chromium, platform.server)
        .loginWithPassword("sihai", PlatformServer.MEMBER_PASSWORD);
    page.open("");
    assertThat(page.names()).containsExactly("经办人四海");
    assertThat(pageAt("/ca?organizationId=" + stranger.organizationId())).doesNotContain("乙方经办人");
  }

  /** The text of a page that may be the table or a refusal. */
  private String pageAt(String path) {
    chromium.driver().get(platform.server.url(path));
    chromium.await().until(d -> "complete".equals(page.js("return document.readyState")));
    return chromium.driver().findElement(By.tagName("body")).getText();
  }
}
