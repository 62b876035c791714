package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.Pkcs12Files;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole CA flow as a person does it: a real headless Chromium, the real local client ({@code
 * certgate-agent.jar} from the build, with a soft key) and the server. The 绑定 dialog lists the
 * key's signature certificate, refuses a wrong PIN, binds; the CA登录 tab logs in with it. The page
 * origin is the server's configured public origin, so the client signs what the server checks.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "certgate.captcha=always",
      "certgate.admin.username=" + PlatformIT.ADMIN,
      "certgate.admin.password=" + PlatformIT.ADMIN_PASSWORD,
      "certgate.login.ip-attempts=25",
      "certgate.sms.gateway=http",
      "certgate.sms.http.key=test-key",
      "certgate.api.max-body-bytes=65536"
    })
@Import(TestPlatformConfig.class)
@TestPropertySource(properties = PlatformDatabases.H2)
class CaBrowserIT extends CaPlatformIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AGENT =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("certgate-agent/target/certgate-agent.jar");
  private static final String PIN = "246810";
  private static final int SERVER_PORT = freePort();
  private static final int AGENT_PORT = freePort();
  private static Path work;
  private static Process agent;
  private WebDriver driver;
  private WebDriverWait wait;

  @DynamicPropertySource
  static void addresses(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> SERVER_PORT);
    registry.add("certgate.public-origin", () -> "http://localhost:" + SERVER_PORT);
    registry.add("certgate.agent-url", () -> "http://127.0.0.1:" + AGENT_PORT);
  }

  @BeforeAll
  static void startClient() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium and chromium-driver are not installed");
    Assumptions.assumeTrue(
        Files.isRegularFile(AGENT), "certgate-agent.jar is built by mvn package before this test");
    work = Files.createTempDirectory("cg-browser");
    Files.createDirectories(work.resolve("softkeys"));
    ProcessBuilder pb =
        new ProcessBuilder("java", "-jar", AGENT.toString(), "run")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("agent.log").toFile());
    pb.environment().put("CERTGATE_AGENT_CONFIG", work.resolve("agent.properties").toString());
    pb.environment().put("CERTGATE_AGENT_PORT", String.valueOf(AGENT_PORT));
    pb.environment().put("CERTGATE_AGENT_ORIGINS", "http://localhost:" + SERVER_PORT);
    pb.environment().put("CERTGATE_AGENT_SOFTKEYS", work.resolve("softkeys").toString());
    pb.environment().put("CERTGATE_AGENT_PKCS11_BUILTIN", "false");
    agent = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 100; i++) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + AGENT_PORT + "/v1/status"))
                    .header("Origin", "http://localhost:" + SERVER_PORT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "the local client did not start: " + Files.readString(work.resolve("agent.log")));
  }

  @AfterAll
  static void stopClient() {
    if (agent != null) {
      agent.destroy();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN");
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
            options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void bindsInTheDialogThenLogsInWithTheCaTab() throws Exception {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode orgAdmin = user(admin, s.organization(), "ORG_ADMIN");
    JsonNode member = user(admin, s.organization(), "MEMBER");
    UserCredentials lock = s.provider().issueUser("浏览器锁");
    Path p12 = work.resolve("softkeys").resolve("lock.p12");
    Pkcs12Files.write(p12, PIN.toCharArray(), lock);
    Files.writeString(
        work.resolve("softkeys").resolve("lock.crt"),
        Pem.certificates(List.of(lock.signature().certificate(), lock.encryption().certificate())));

    passwordLoginInPage(orgAdmin.path("username").asString());
    driver.get(url("/ca?name=" + member.path("displayName").asString()));
    driver.findElement(By.cssSelector("button.bind")).click();
    WebElement dialog = driver.findElement(By.id("bind-dialog"));
    wait.until(
        d -> new Select(dialog.findElement(By.name("certificate"))).getOptions().size() == 2);
    Select certs = new Select(dialog.findElement(By.name("certificate")));
    assertThat(certs.getOptions().get(1).getText()).contains("浏览器锁");
    certs.selectByIndex(1);
    dialog.findElement(By.name("pin")).sendKeys("000000");
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> dialog.findElement(By.cssSelector(".form-error")).getText().contains("PIN码错误"));
    dialog.findElement(By.name("pin")).sendKeys(PIN);
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> d.findElement(By.id("ca-users")).getText().contains(lock.lockId()));
    assertThat(driver.findElement(By.id("ca-users")).getText()).contains("已绑定", "浏览器锁");

    driver.findElement(By.cssSelector("button.logout")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.cssSelector(".tab[data-tab=ca]")).click();
    WebElement ca = driver.findElement(By.id("ca"));
    wait.until(d -> new Select(ca.findElement(By.name("certificate"))).getOptions().size() == 2);
    new Select(ca.findElement(By.name("certificate"))).selectByIndex(1);
    ca.findElement(By.name("pin")).sendKeys(PIN);
    ca.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/user-center"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains(member.path("displayName").asString());
  }

  private void passwordLoginInPage(String username) {
    driver.get(url("/login"));
    WebElement form = driver.findElement(By.id("account"));
    wait.until(
        d ->
            String.valueOf(form.findElement(By.cssSelector(".captcha-img")).getAttribute("src"))
                .startsWith("data:image/png"));
    form.findElement(By.name("username")).sendKeys(username);
    form.findElement(By.name("password")).sendKeys(PASSWORD);
    form.findElement(By.name("captcha")).sendKeys(captchaText.last());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/user-center"));
  }

  private static String url(String path) {
    return "http://localhost:" + SERVER_PORT + path;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
