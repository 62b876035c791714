package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Flow 7 of issue 6: 短信验证码登录 and 忘记密码, with the code read from where the demo SMS gateway puts it
 * (the server's log). The server sends at most one SMS a minute per client IP, so the second test
 * waits for its turn.
 */
class AccountRecoveryIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private PlatformServer server;
  private LoginPage page;

  @BeforeEach
  void openLoginPage() {
    server = Platform.get().server;
    page = new LoginPage(chromium, server).open();
  }

  @Test
  void resetsAForgottenPasswordAndLogsInWithTheNewOne() {
    Accounts.Account account = Accounts.newMember(server, "找回密码员");
    page.panel("account").findElement(By.cssSelector("[data-open=forgot-password]")).click();
    page.field("forgot-password", "mobile").sendKeys(account.mobile());
    String code = page.requestSmsCode("forgot-password", account.mobile());
    page.field("forgot-password", "code").sendKeys(code);
    page.field("forgot-password", "newPassword").sendKeys("New#Secret2026", Keys.ENTER);

    WebElement result = page.panel("forgot-password").findElement(By.cssSelector(".form-result"));
    chromium.await().until(d -> !result.getText().isBlank());
    assertThat(result.getText()).isEqualTo("密码已重置,请使用新密码登录。");

    page.panel("forgot-password").findElement(By.cssSelector("[data-open=account]")).click();
    page.field("account", "username").clear();
    page.field("account", "username").sendKeys(account.username());
    page.field("account", "password").sendKeys("New#Secret2026", Keys.ENTER);
    page.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains(account.username());
  }
}
