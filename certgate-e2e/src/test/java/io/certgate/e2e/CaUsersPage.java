package io.certgate.e2e;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** CA管理 › CA用户管理 and its 绑定 dialog, as the tests drive them. */
final class CaUsersPage {
  /** How the page shows 到期时间. */
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  private final WebDriver driver;
  private final WebDriverWait await;
  private final PlatformServer server;

  CaUsersPage(Chromium chromium, PlatformServer server) {
    this.driver = chromium.driver();
    this.await = chromium.await();
    this.server = server;
  }

  CaUsersPage open(String query) {
    driver.get(server.url("/ca" + query));
    await.until(ExpectedConditions.presenceOfElementLocated(By.id("ca-users")));
    await.until(d -> "complete".equals(js("return document.readyState")));
    return this;
  }

  List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#ca-users tbody tr[data-user-id]"));
  }

  List<String> names() {
    return rows().stream().map(r -> r.getDomAttribute("data-user-name")).toList();
  }

  WebElement row(String displayName) {
    return driver.findElement(
        By.cssSelector("#ca-users tbody tr[data-user-name='" + displayName + "']"));
  }

  /**
   * The text of a row's cell by its column title (序号, 状态, 证书信息, CA锁ID, 到期时间 ...), read in one
   * script run: the page re-renders the table after every change, and element handles taken before
   * a re-render are gone by the time they are read.
   */
  String cell(String displayName, String column) {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const heads = [...document.querySelectorAll('#ca-users thead th')]"
                    + "  .map(h => h.textContent.trim());"
                    + "const i = heads.indexOf(arguments[1]);"
                    + "const row = [...document.querySelectorAll('#ca-users tbody tr[data-user-name]')]"
                    + "  .find(r => r.dataset.userName === arguments[0]);"
                    + "return i < 0 || !row || !row.cells[i] ? null : row.cells[i].innerText;",
                displayName,
                column);
    if (text == null) {
      // not an AssertionError: while the page reloads there is no table yet, and waits retry this
      throw new NoSuchElementException("no cell " + column + " for " + displayName);
    }
    return text.toString();
  }

  String total() {
    return driver.findElement(By.cssSelector("form.pager span")).getText();
  }

  WebElement dialog() {
    return driver.findElement(By.id("bind-dialog"));
  }

  WebElement dialogField(String name) {
    return dialog().findElement(By.name(name));
  }

  /** Clicks the row's 绑定 and waits for the dialog. */
  void openBind(String displayName) {
    row(displayName).findElement(By.cssSelector("button.bind")).click();
    await.until(d -> dialog().getDomProperty("open").equals("true"));
  }

  /** The 证书名称 choices (values are the agent's certificate ids), once the agent answered. */
  List<WebElement> certificateOptions() {
    return new Select(dialogField("certificate"))
        .getOptions().stream().filter(o -> !o.getDomProperty("value").isEmpty()).toList();
  }

  void awaitCertificates(int atLeast) {
    await.until(d -> certificateOptions().size() >= atLeast);
  }

  /** Picks the certificate, types the PIN and presses Enter (确定). */
  void bind(String certificateId, String pin) {
    awaitCertificates(1);
    new Select(dialogField("certificate")).selectByValue(certificateId);
    dialogField("pin").sendKeys(pin, Keys.ENTER);
  }

  String dialogError() {
    WebElement error = dialog().findElement(By.cssSelector(".form-error"));
    await.until(d -> !error.getText().isBlank());
    return error.getText();
  }

  /** Whether the focused element is inside the 绑定 dialog. */
  boolean focusInDialog() {
    return (Boolean) js("return document.activeElement.closest('#bind-dialog') !== null");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
