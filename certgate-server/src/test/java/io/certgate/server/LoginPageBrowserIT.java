package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The login page in a real headless Chromium: the page's own script fetches the captcha, posts the
 * login with the CSRF header, remembers the username, and lands in the user centre.
 */
@TestPropertySource(properties = PlatformDatabases.H2)
class LoginPageBrowserIT extends BrowserPageIT {

  /** Waits for the page's script to load a captcha image, then reads its answer. */
  private String captchaAnswer() {
    wait.until(
        d ->
            String.valueOf(
                    d.findElement(By.cssSelector("#account .captcha-img")).getAttribute("src"))
                .startsWith("data:image/png"));
    return captchaText.last();
  }

  @Test
  void logsInThroughThePageAndRemembersTheUsername() {
    Browser admin = admin();
    JsonNode u = user(admin, organization(admin, unique("浏览器机构")), "MEMBER");
    String username = u.path("username").asString();

    driver.get(url("/login"));
    WebElement form = driver.findElement(By.id("account"));
    form.findElement(By.name("username")).sendKeys(username);
    form.findElement(By.name("password")).sendKeys(PASSWORD);
    form.findElement(By.name("captcha")).sendKeys(captchaAnswer());
    form.findElement(By.name("remember")).click();
    form.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.urlContains("/user-center"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("用户中心", u.path("displayName").asString(), "培训省本级");

    driver.findElement(By.cssSelector("button.logout")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    wait.until(d -> username.equals(d.findElement(By.name("username")).getAttribute("value")));
  }

  @Test
  void showsTheServersMessageOnAWrongPassword() {
    driver.get(url("/login"));
    WebElement form = driver.findElement(By.id("account"));
    form.findElement(By.name("username")).sendKeys(ADMIN);
    form.findElement(By.name("password")).sendKeys("Wrong#Pass1");
    form.findElement(By.name("captcha")).sendKeys(captchaAnswer());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> !d.findElement(By.cssSelector("#account .form-error")).getText().isEmpty());
    assertThat(driver.findElement(By.cssSelector("#account .form-error")).getText())
        .isEqualTo("用户名或密码错误,或暂时无法使用密码登录");
  }

  @Test
  void anErrorPageThatIsNotJsonIsNotParsedAsJson() {
    driver.get(url("/login"));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    // what a reverse proxy answers when the node behind it is down: an HTML page, not our JSON
    Object answer =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                window.fetch = async () => new Response("<html><body>502 Bad Gateway</body></html>",
                    { status: 502, headers: { "Content-Type": "text/html" } });
                CertGate.call("POST", "/api/auth/password", {})
                  .then(() => done("resolved"), (e) => done(e.name + "|" + e.code + "|" + e.message));
                """);

    assertThat(answer).isEqualTo("Error|INTERNAL|服务暂不可用(HTTP 502),请稍后再试");
  }

  @Test
  void logsInWithAnSmsCodeThroughThePage() {
    Browser admin = admin();
    JsonNode u = user(admin, organization(admin, unique("短信机构")), "MEMBER");
    String mobile = u.path("mobile").asString();
    driver.get(url("/login"));
    captchaAnswer();
    driver.findElement(By.cssSelector(".tab[data-tab=sms]")).click();
    WebElement form = driver.findElement(By.id("sms"));
    wait.until(
        d ->
            String.valueOf(form.findElement(By.cssSelector(".captcha-img")).getAttribute("src"))
                .startsWith("data:image/png"));
    form.findElement(By.name("mobile")).sendKeys(mobile);
    form.findElement(By.name("captcha")).sendKeys(captchaText.last());
    form.findElement(By.cssSelector(".send-code")).click();
    wait.until(d -> FakeSmsGateway.get().lastCode(mobile).isPresent());
    form.findElement(By.name("code")).sendKeys(FakeSmsGateway.get().lastCode(mobile).orElseThrow());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/user-center"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(mobile);
  }

  @Test
  void theCaTabLooksForTheLocalClient() {
    driver.get(url("/login"));
    driver.findElement(By.cssSelector(".tab[data-tab=ca]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ca")));
    // either the client answers (status line) or the page says it is missing: never silence
    wait.until(
        d ->
            !d.findElement(By.cssSelector("#ca .ca-status")).getText().matches("(正在检测.*)?")
                || d.findElement(By.cssSelector("#ca .no-client")).isDisplayed()
                || !d.findElement(By.cssSelector("#ca .form-error")).getText().isBlank());
    assertThat(driver.findElement(By.id("ca")).getText()).contains("刷新证书", "CA驱动下载");
  }
}
