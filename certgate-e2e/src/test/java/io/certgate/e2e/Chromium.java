package io.certgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for one test class, with a fresh profile ({@code --user-data-dir}),
 * and a screenshot of each test's last page under {@code target/screenshots}. Register it as a
 * static field with {@code @RegisterExtension}.
 *
 * <p>Only {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} are used: both paths are
 * given to Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class Chromium
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;
  private Path profile;

  /** Where the browser saves downloads (inside the class's profile folder). */
  Path downloads() {
    return profile.resolve("downloads");
  }

  WebDriver driver() {
    return driver;
  }

  /** A wait long enough for a loaded two-core machine. */
  WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // pages reload after a bind or unbind: an element found a moment ago may be gone
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "end-to-end tests need Debian's chromium and chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installs them");
    profile = Files.createTempDirectory("certgate-e2e-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--lang=zh-CN",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            Files.createDirectories(downloads()).toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /** Each test starts logged out: no cookies from the previous test of the class. */
  @Override
  public void beforeEach(ExtensionContext context) {
    try {
      driver.manage().deleteAllCookies();
    } catch (WebDriverException noPageYet) {
      // before the first page there are no cookies to delete
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    save(
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName());
  }

  /**
   * Saves the current page as {@code <Class>-<label>.png} (and its HTML) besides the one taken at
   * each test's end, for a state worth seeing that the test then leaves.
   */
  void snapshot(Class<?> test, String label) throws IOException {
    save(test.getSimpleName() + "-" + label);
  }

  private void save(String name) throws IOException {
    Path folder =
        Files.createDirectories(
            Path.of(System.getProperty("certgate.e2e.screenshots", "target/screenshots")));
    try {
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          folder.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (WebDriverException e) {
      // a test that broke the browser still reports its own failure, not this one
      Files.writeString(folder.resolve(name + ".txt"), String.valueOf(e), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
