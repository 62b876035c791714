package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Flow 8 of issue 6: the 驱动下载 page's 立即下载 gives the agent jar, and that jar starts ({@code java
 * -jar … run}) and answers {@code /v1/status}.
 */
class DriverDownloadIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private static String listing(Path folder) {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList().toString();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private byte[] fetchThroughPage(String href) {
    Object base64 =
        ((JavascriptExecutor) chromium.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.ok ? r.blob() : Promise.reject(r.status))"
                    + ".then(b => { const f = new FileReader();"
                    + " f.onload = () => done(f.result.substring(f.result.indexOf(',') + 1));"
                    + " f.readAsDataURL(b); })"
                    + ".catch(e => done('failed: ' + e));",
                href);
    assertThat(String.valueOf(base64)).doesNotStartWith("failed");
    return Base64.getDecoder().decode(String.valueOf(base64));
  }

  @Test
  void theDownloadedClientStartsAndAnswersStatus() throws Exception {
    Platform platform = Platform.get();
    chromium.driver().get(platform.server.url("/ca/drivers"));
    WebElement link = chromium.driver().findElement(By.linkText("立即下载"));
    link.click();
    // Chrome starts saving the file, but holds a .jar from a site never visited before today as
    // "dangerous" until a person clicks 保留, which nobody can do here: the test takes the same
    // link's bytes through the page itself, with the browser's session.
    chromium
        .await()
        .withMessage(() -> "nothing is being saved: " + listing(chromium.downloads()))
        .until(d -> !listing(chromium.downloads()).equals("[]"));
    Path saved =
        Files.createDirectories(chromium.downloads().resolveSibling("saved"))
            .resolve("certgate-agent.jar");
    Files.write(saved, fetchThroughPage(link.getDomProperty("href")));
    assertThat(Files.mismatch(saved, Platform.jar("certgate.e2e.agent-jar"))).isEqualTo(-1L);

    int port = JarProcess.freePort();
    Path work = Files.createDirectories(chromium.downloads().resolveSibling("agent-home"));
    String origin = platform.server.origin();
    try (JarProcess agent =
        JarProcess.start(
            "downloaded certgate-agent",
            saved,
            java.util.List.of("run"),
            Map.of(
                "CERTGATE_AGENT_PORT", String.valueOf(port),
                "CERTGATE_AGENT_ORIGINS", origin,
                "CERTGATE_AGENT_SOFTKEYS", platform.keys.softKeys().toString(),
                "CERTGATE_AGENT_PKCS11_BUILTIN", "false",
                "CERTGATE_AGENT_CONFIG", work.resolve("agent.properties").toString()),
            work.resolve("agent.log"))) {
      URI status = URI.create(LocalAgent.url(port) + "/v1/status");
      agent.awaitHttp(status, Map.of("Origin", origin), Duration.ofMinutes(1));
      HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(status).header("Origin", origin).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
      assertThat(Api.JSON.readTree(answer.body()).path("agent").asString())
          .isEqualTo("certgate-agent");
      assertThat(answer.body()).contains("meili-ec"); // it sees the soft keys it was given
    }
  }
}
