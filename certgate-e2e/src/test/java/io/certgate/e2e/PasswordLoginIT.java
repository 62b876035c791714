package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Flow 1 of issue 6: password login under the captcha policy {@code after-failures}, 记住用户名
 * remembered on the next visit, and the page usable by keyboard alone.
 */
class PasswordLoginIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private PlatformServer server;
  private LoginPage page;

  @BeforeEach
  void openLoginPage() {
    server = Platform.get().server;
    page = new LoginPage(chromium, server).open();
  }

  @Test
  void everyInputHasALabelAndTheTabsSayWhichIsShown() {
    assertThat(page.unlabelledInputs("account")).isEmpty();
    page.tab("sms");
    assertThat(page.unlabelledInputs("sms")).isEmpty();
    // the tabs say which one is shown, for a screen reader
    assertThat(
            page.js("return document.querySelector('[role=tab][aria-selected=true]').dataset.tab"))
        .isEqualTo("sms");
    page.tab("account");
    page.panel("account").findElement(By.cssSelector("[data-open=forgot-password]")).click();
    assertThat(page.unlabelledInputs("forgot-password")).isEmpty();
  }

  @Test
  void logsInByKeyboardAloneAndRemembersTheUsername() {
    WebElement username = page.field("account", "username");
    username.clear();
    username.click();
    username.sendKeys("meili", Keys.TAB);
    assertThat(page.focused()).isEqualTo("password");
    page.field("account", "password").sendKeys(PlatformServer.MEMBER_PASSWORD, Keys.TAB);
    // the password's 显示 button comes next (ASVS 2.1.12), reachable by keyboard too
    WebElement reveal = chromium.driver().switchTo().activeElement();
    assertThat(reveal.getText()).isEqualTo("显示");
    reveal.sendKeys(Keys.TAB);
    // the captcha row is hidden under after-failures for an account without failures
    assertThat(page.focused()).isEqualTo("remember");
    page.field("account", "remember").sendKeys(Keys.SPACE);
    assertThat(page.field("account", "remember").isSelected()).isTrue();
    page.field("account", "password").sendKeys(Keys.ENTER);

    page.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains("用户中心", "meili", "经办人梅里", Accounts.DEMO_ORGANIZATION);

    chromium.driver().findElement(By.cssSelector("button.logout")).click();
    chromium.await().until(ExpectedConditions.urlContains("/login"));
    page.open();
    chromium
        .await()
        .until(d -> "meili".equals(page.field("account", "username").getDomProperty("value")));
    assertThat(page.field("account", "remember").isSelected()).isTrue();
  }

  @Test
  void aFailedLoginTurnsTheCaptchaOnForThatAccount() {
    Accounts.Account account = Accounts.newMember(server, "验证码测试员");
    WebElement captchaRow = page.panel("account").findElement(By.cssSelector(".captcha-row"));
    assertThat(captchaRow.isDisplayed()).as("no captcha before any failure").isFalse();

    page.field("account", "username").clear();
    page.field("account", "username").sendKeys(account.username());
    page.field("account", "password").sendKeys("Wrong#Pass2026", Keys.ENTER);

    assertThat(page.error("account")).isEqualTo("用户名或密码错误,或暂时无法使用密码登录");
    chromium.await().until(ExpectedConditions.visibilityOf(captchaRow));
    WebElement image = captchaRow.findElement(By.cssSelector(".captcha-img"));
    chromium
        .await()
        .until(d -> String.valueOf(image.getDomProperty("src")).startsWith("data:image/png"));

    // the right password is no longer enough: the server now wants the image's text, and a wrong
    // text is answered like a wrong password (no hint that this account had failures)
    String firstImage = String.valueOf(image.getDomProperty("src"));
    WebElement password = page.field("account", "password");
    password.clear();
    password.sendKeys(Accounts.PASSWORD);
    page.field("account", "captcha").sendKeys("0000", Keys.ENTER);
    // a refused attempt loads a new image
    chromium.await().until(d -> !firstImage.equals(String.valueOf(image.getDomProperty("src"))));
    assertThat(page.error("account")).isEqualTo("用户名或密码错误,或暂时无法使用密码登录");
    assertThat(chromium.driver().getCurrentUrl()).contains("/login");
  }
}
