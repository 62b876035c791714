package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Flow 7 of issue 6: 短信验证码登录 and 忘记密码, with the code read from where the demo SMS gateway puts it
 * (the server's log). The server sends at most one SMS a minute per client IP, so the second test
 * waits for its turn.
 */
class SmsLoginIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private PlatformServer server;
  private LoginPage page;

  @BeforeEach
  void openLoginPage() {
    server = Platform.get().server;
    page = new LoginPage(chromium, server).open();
  }

  @Test
  void logsInWithACodeSentByText() {
    Accounts.Account account = Accounts.newMember(server, "短信登录员");
    page.tab("sms");
    page.field("sms", "mobile").sendKeys(account.mobile());
    String code = page.requestSmsCode("sms", account.mobile());

    page.field("sms", "code").sendKeys(code, Keys.ENTER);

    page.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains(account.username(), "短信登录员", account.mobile());
  }
}
