package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * 用户中心 › 修改密码 in a real headless Chromium: the page compares the two new passwords itself, shows
 * the server's message for a wrong current password, and after a change stays signed in.
 */
@TestPropertySource(properties = PlatformDatabases.H2)
class PasswordPageBrowserIT extends BrowserPageIT {
  private static final String NEXT = "Page#Own2027";

  private String logIn(String username) {
    driver.get(url("/login"));
    WebElement form = driver.findElement(By.id("account"));
    wait.until(
        d ->
            String.valueOf(
                    d.findElement(By.cssSelector("#account .captcha-img")).getAttribute("src"))
                .startsWith("data:image/png"));
    form.findElement(By.name("username")).sendKeys(username);
    form.findElement(By.name("password")).sendKeys(PASSWORD);
    form.findElement(By.name("captcha")).sendKeys(captchaText.last());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/user-center"));
    return username;
  }

  private void fill(WebElement form, String current, String next, String confirm) {
    for (String[] field :
        new String[][] {
          {"currentPassword", current}, {"newPassword", next}, {"confirmPassword", confirm}
        }) {
      WebElement input = form.findElement(By.name(field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void waitForText(WebElement form, String selector, String text) {
    wait.until(d -> form.findElement(By.cssSelector(selector)).getText().contains(text));
  }

  @Test
  void changesThePasswordFromTheUserCentre() {
    Browser admin = admin();
    String username =
        logIn(
            user(admin, organization(admin, unique("浏览器机构")), "MEMBER")
                .path("username")
                .asString());
    WebElement form = driver.findElement(By.id("password-change"));

    fill(form, PASSWORD, NEXT, NEXT + "x");
    waitForText(form, ".form-error", "两次输入的新密码不一致");

    fill(form, "Wrong#Pass1", NEXT, NEXT);
    waitForText(form, ".form-error", "当前密码错误");

    clock.advance(Duration.ofSeconds(20));
    fill(form, PASSWORD, NEXT, NEXT);
    waitForText(form, ".form-result", "密码已修改");
    assertThat(form.findElement(By.name("currentPassword")).getAttribute("value")).isEmpty();

    driver.get(url("/user-center"));
    assertThat(driver.getCurrentUrl()).contains("/user-center");
    assertThat(passwordLogin(browser(), username, NEXT).status()).isEqualTo(200);
  }

  /** Clicks the field's 显示 button and back; the typed text stays as it was. */
  private void assertToggles(WebElement input) {
    input.sendKeys("Typed#Secret1");
    WebElement button =
        input.findElement(By.xpath("following-sibling::button[contains(@class,'reveal')]"));
    assertThat(input.getAttribute("type")).isEqualTo("password");
    assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");
    button.click();
    assertThat(input.getAttribute("type")).isEqualTo("text");
    assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(button.getText()).isEqualTo("隐藏");
    button.click();
    assertThat(input.getAttribute("type")).isEqualTo("password");
    assertThat(button.getText()).isEqualTo("显示");
    assertThat(input.getAttribute("value")).isEqualTo("Typed#Secret1");
  }

  @Test
  void theLoginPageAndTheFormCanShowTheTypedPassword() {
    driver.get(url("/login"));
    wait.until(d -> !d.findElements(By.cssSelector("#account button.reveal")).isEmpty());
    assertToggles(driver.findElement(By.cssSelector("#account input[name=password]")));

    Browser admin = admin();
    logIn(user(admin, organization(admin, unique("浏览器机构")), "MEMBER").path("username").asString());
    WebElement form = driver.findElement(By.id("password-change"));
    wait.until(d -> form.findElements(By.cssSelector("button.reveal")).size() == 3);
    for (String name : new String[] {"currentPassword", "newPassword", "confirmPassword"}) {
      assertToggles(form.findElement(By.name(name)));
    }
  }
}
