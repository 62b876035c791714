package io.certgate.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The 用户登录 page as the tests drive it. */
final class LoginPage {
  private final WebDriver driver;
  private final WebDriverWait await;
  private final PlatformServer server;

  LoginPage(Chromium chromium, PlatformServer server) {
    this.driver = chromium.driver();
    this.await = chromium.await();
    this.server = server;
  }

  /** Opens the page and waits for its script to have set up the account tab. */
  LoginPage open() {
    driver.get(server.url("/login"));
    await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#account")));
    await.until(d -> "complete".equals(js("return document.readyState")));
    return this;
  }

  /** Logs in through the 账号登录 tab (the account must have no failed logins: no captcha). */
  void loginWithPassword(String username, String password) {
    open();
    WebElement name = field("account", "username");
    name.clear();
    name.sendKeys(username);
    field("account", "password").sendKeys(password, org.openqa.selenium.Keys.ENTER);
    awaitUserCenter();
  }

  /** Opens the CA登录 tab and waits until the page has asked the local client. */
  void openCaTab() {
    tab("ca");
    await.until(
        d ->
            !panel("ca").findElement(By.cssSelector(".ca-status")).getText().startsWith("正在检测")
                && (!panel("ca").findElement(By.cssSelector(".ca-status")).getText().isBlank()
                    || panel("ca").findElement(By.cssSelector(".no-client")).isDisplayed()
                    || !panel("ca")
                        .findElement(By.cssSelector(".form-error"))
                        .getText()
                        .isBlank()));
  }

  /** CA登录: picks the certificate, types the PIN and presses Enter. */
  void caLogin(String certificateId, String pin) {
    new org.openqa.selenium.support.ui.Select(field("ca", "certificate"))
        .selectByValue(certificateId);
    field("ca", "pin").sendKeys(pin, org.openqa.selenium.Keys.ENTER); // Enter submits
  }

  /** Clicks the panel's 获取验证码 and returns the code the demo gateway logged. */
  String requestSmsCode(String panel, String mobile) {
    int before = server.smsCount(mobile);
    panel(panel).findElement(By.cssSelector(".send-code")).click();
    String code = server.awaitSmsAfter(mobile, before);
    WebElement button = panel(panel).findElement(By.cssSelector(".send-code"));
    await.until(d -> !button.isEnabled());
    return code;
  }

  /** Logs out through the top bar's 退出 and waits for the login page. */
  void logout() {
    driver.findElement(By.cssSelector("button.logout")).click();
    await.until(ExpectedConditions.urlContains("/login"));
  }

  WebElement panel(String id) {
    return driver.findElement(By.id(id));
  }

  WebElement field(String panel, String name) {
    return panel(panel).findElement(By.name(name));
  }

  void tab(String name) {
    driver.findElement(By.cssSelector(".tab[data-tab=" + name + "]")).click();
    await.until(ExpectedConditions.visibilityOf(panel(name)));
  }

  /** Waits for the panel's error line to say something and returns it. */
  String error(String panel) {
    WebElement error = panel(panel).findElement(By.cssSelector(".form-error"));
    await.until(d -> !error.getText().isBlank());
    return error.getText();
  }

  /** Waits for the user centre after a login. */
  void awaitUserCenter() {
    await.until(ExpectedConditions.urlContains("/user-center"));
  }

  /** Names of the visible inputs of a panel that no label names (should be none). */
  @SuppressWarnings("unchecked")
  List<String> unlabelledInputs(String panel) {
    return (List<String>)
        js(
            "return [...document.querySelectorAll('#' + arguments[0] + ' input')]"
                + ".filter(i => i.offsetParent !== null"
                + " && (i.labels.length === 0 || i.labels[0].textContent.trim() === ''))"
                + ".map(i => i.name)",
            panel);
  }

  /** The focused element's {@code name}, or its tag when it has none. */
  String focused() {
    return (String) js("const a = document.activeElement; return a.name || a.tagName");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
