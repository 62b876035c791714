package io.certgate.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.core.json.Json;
import io.certgate.core.json.JsonLimits;
import io.certgate.core.json.JsonObject;
import io.certgate.core.json.JsonValue;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import io.certgate.testpki.KeyKind;
import io.certgate.testpki.Pem;
import io.certgate.testpki.Pkcs12Files;
import io.certgate.testpki.SoftHsmTokens;
import io.certgate.testpki.TestProvider;
import io.certgate.testpki.UserCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb the build made, taken through a supplier's whole life with it on this machine: {@code
 * dpkg -i}, the login autostart entry started as an ordinary user with no Java anywhere on its
 * PATH, keys listed and a challenge signed with each kind of key (PKCS#12 soft key through Bouncy
 * Castle, PKCS#11 through SunPKCS11, SKF through JNA in the client's SKF host process, all on the
 * package's trimmed runtime), then {@code dpkg -r}. Needs root (as CI runs), since installing a
 * package does.
 */
@TestMethodOrder(OrderAnnotation.class)
class DebPackageIT {
  private static final String PACKAGE = "certgate-agent";
  private static final String USER = "certgate-desktop";
  private static final String ORIGIN = "https://www.zcygov.cn";
  private static final String TOKEN_PIN = "246810";
  private static final char[] SOFT_PIN = "soft-246810".toCharArray();
  private static final String SKF_PIN = "135790";
  private static final Path AUTOSTART = Path.of("/etc/xdg/autostart/certgate-agent.desktop");
  private static final Path MENU = Path.of("/usr/share/applications/certgate-agent.desktop");
  private static final Path INSTALL_DIR = Path.of("/opt/certgate-agent");

  private static Path home;
  private static Path config;
  private static int port;
  private static UserCredentials softKeyUser;
  private static UserCredentials usbKeyUser;
  private static UserCredentials skfKeyUser;
  private static SoftSkfDevice skfKey;
  private static Process session;
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void install() throws Exception {
    assertThat(Shell.run("id", "-u").orFail().output().strip())
        .as("installing a package needs root: run the packaging tests as root, or -DskipITs")
        .isEqualTo("0");
    Path deb =
        Path.of(
            System.getProperty("certgate.packaging.packages"),
            PACKAGE + "_" + System.getProperty("certgate.packaging.version") + "-1_amd64.deb");
    assertThat(deb).isRegularFile();
    if (Shell.run("dpkg-query", "-W", PACKAGE).exit() == 0) {
      Shell.run("dpkg", "--purge", PACKAGE).orFail(); // left by an interrupted earlier run
    }
    createUserWithKeys();
    Shell.run("dpkg", "-i", deb.toString()).orFail();
  }

  /**
   * An ordinary account with one soft key (SM2, PKCS#12), one SoftHSM2 "USB key" (P-256) and one
   * software SKF "国密 USB key" (SM2).
   */
  private static void createUserWithKeys() throws Exception {
    if (Shell.run("id", USER).exit() != 0) {
      Shell.run("useradd", "--create-home", "--shell", "/bin/sh", USER).orFail();
    }
    home =
        Path.of(Shell.run("sh", "-c", "getent passwd " + USER + " | cut -d: -f6").output().strip());
    config = home.resolve(".config/certgate");
    Shell.run(
            "rm",
            "-rf",
            config.toString(),
            home.resolve("softhsm").toString(),
            home.resolve("skf").toString())
        .orFail();

    softKeyUser = TestProvider.create("deb-sm2", KeyKind.SM2, Instant.now()).issueUser("许软证");
    Path softKeys = Files.createDirectories(config.resolve("softkeys"));
    Pkcs12Files.write(softKeys.resolve("xu.p12"), SOFT_PIN, softKeyUser);
    Files.writeString(
        softKeys.resolve("xu.crt"),
        Pem.certificates(
            List.of(
                softKeyUser.signature().certificate(), softKeyUser.encryption().certificate())));

    usbKeyUser = TestProvider.create("deb-ec", KeyKind.EC_P256, Instant.now()).issueUser("何锁");
    SoftHsmTokens tokens = SoftHsmTokens.create(home.resolve("softhsm"));
    tokens.initToken("deb-usbkey", "12345678", TOKEN_PIN);
    tokens.importUser("deb-usbkey", TOKEN_PIN, usbKeyUser);

    skfKeyUser = TestProvider.create("deb-skf", KeyKind.SM2, Instant.now()).issueUser("林国密");
    skfKey = SoftSkfDevice.create(home.resolve("skf"), "deb-gm3000", SKF_PIN, skfKeyUser);

    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    // the per-user file where the client looks on Linux; nothing of the test in the environment
    Files.writeString(
        config.resolve("agent.properties"),
        "port="
            + port
            + "\norigins="
            + ORIGIN
            + "\npkcs11="
            + tokens.modulePath()
            + "\npkcs11.builtin=false\n");
    Shell.run(
            "chown",
            "-R",
            USER + ":",
            config.getParent().toString(),
            home.resolve("softhsm").toString(),
            home.resolve("skf").toString())
        .orFail();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    for (long pid : InstalledClient.processes()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
    if (session != null) {
      session.destroy();
    }
    if (Shell.run("dpkg-query", "-W", PACKAGE).exit() == 0) {
      Shell.run("dpkg", "--purge", PACKAGE);
    }
  }

  @Test
  @Order(1)
  void installsUnderOptWithItsOwnRuntimeAMenuEntryAndALoginEntryForEveryUser() throws Exception {
    assertThat(InstalledClient.LAUNCHER).isExecutable();
    assertThat(INSTALL_DIR.resolve("lib/runtime/lib/server/libjvm.so")).isRegularFile();
    // the SKF host process runs on the package's own java, never on one from the PATH
    assertThat(INSTALL_DIR.resolve("lib/runtime/bin/java")).isExecutable();
    assertThat(INSTALL_DIR.resolve("lib/runtime/bin/javac")).doesNotExist(); // a runtime, no JDK
    assertThat(Shell.run("dpkg", "-L", PACKAGE).orFail().output().lines())
        .contains(AUTOSTART.toString(), MENU.toString(), InstalledClient.LAUNCHER.toString());

    Map<String, String> entry = desktopEntry(AUTOSTART);
    assertThat(entry)
        .containsEntry("Type", "Application")
        .containsEntry("X-GNOME-Autostart-enabled", "true")
        .doesNotContainKey("Hidden")
        .doesNotContainKey("OnlyShowIn");
    assertThat(entry.get("Exec")).startsWith(InstalledClient.LAUNCHER + " ");
    assertThat(desktopEntry(MENU).get("Exec")).isEqualTo(entry.get("Exec"));
  }

  @Test
  @Order(2)
  void theLoginEntryStartsTheClientAsTheUserOnItsOwnRuntimeWithNoJavaOnThePath() throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "runuser",
                "-u",
                USER,
                "--",
                "env",
                "-i",
                "HOME=" + home,
                "USER=" + USER,
                "LOGNAME=" + USER,
                "LANG=C.UTF-8",
                "PATH=/nonexistent",
                "SOFTHSM2_CONF=" + home.resolve("softhsm/softhsm2.conf"),
                // the SKF library as a supplier would name a vendor's, by the client's variable
                "CERTGATE_AGENT_SKF=" + skfKey.library(),
                "CERTGATE_SOFTSKF_DIR=" + skfKey.devices()));
    // exactly what a desktop session runs at login (Exec= has no quoting or field codes here)
    command.addAll(List.of(desktopEntry(AUTOSTART).get("Exec").split(" ")));
    Path log =
        Path.of(System.getProperty("certgate.packaging.packages")).resolveSibling("client.log");
    session =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    JsonObject status = awaitStatus(log);

    assertThat(status.requireString("agent")).isEqualTo("certgate-agent");
    assertThat(status.requireString("version"))
        .startsWith(System.getProperty("certgate.packaging.version"));
    assertThat(status.requireString("buildDate"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(status.requireArray("tokens").elements())
        .extracting(t -> ((JsonObject) t).requireString("label"))
        .contains("deb-usbkey", skfKey.name());
    List<Long> clients = InstalledClient.processes();
    assertThat(clients).hasSize(1);
    long pid = clients.get(0);
    int uid = Integer.parseInt(Shell.run("id", "-u", USER).orFail().output().strip());
    assertThat(InstalledClient.uid(pid)).isEqualTo(uid).isNotZero();
    List<String> jvms =
        InstalledClient.mappedFiles(pid).stream().filter(f -> f.endsWith("/libjvm.so")).toList();
    assertThat(jvms)
        .containsExactly(INSTALL_DIR.resolve("lib/runtime/lib/server/libjvm.so").toString());
    assertThat(Files.readString(log))
        .contains("configuration: " + config.resolve("agent.properties"));
  }

  @Test
  @Order(3)
  void listsTheSkfKeysSm2CertificateOnATokenOfKindSkfLoadedByThePackagesOwnRuntime()
      throws Exception {
    JsonObject listed = listedCertificate(skfKeyUser.signature().certificate());
    assertThat(listed.requireString("keyAlgorithm")).isEqualTo("SM2");
    assertThat(listed.requireBoolean("signatureCapable")).isTrue();
    assertThat(
            listedCertificate(skfKeyUser.encryption().certificate())
                .requireBoolean("signatureCapable"))
        .isFalse();
    JsonObject token = token(listed.requireString("tokenId"));
    assertThat(token.requireString("kind")).isEqualTo("skf");
    assertThat(token.requireString("label")).isEqualTo(skfKey.name());

    // the SKF host: the package's java, as the user, with JNA's native part and the library mapped
    List<Long> hosts = InstalledClient.processesOf(InstalledClient.RUNTIME_JAVA);
    assertThat(hosts).hasSize(1);
    long host = hosts.get(0);
    assertThat(InstalledClient.uid(host)).isEqualTo(InstalledClient.uid(clientPid()));
    assertThat(InstalledClient.mappedFiles(host))
        .contains(skfKey.library().toString())
        // JNA's native part, unpacked from the client's jar for this user
        .anyMatch(f -> f.startsWith(home.resolve(".cache/JNA") + "/"))
        .contains(INSTALL_DIR.resolve("lib/runtime/lib/server/libjvm.so").toString());
  }

  @Test
  @Order(4)
  void signsAChallengeWithTheSoftKeyTheUsbKeyAndTheSkfKey() throws Exception {
    for (var key :
        List.of(
            Map.entry(softKeyUser, new String(SOFT_PIN)),
            Map.entry(usbKeyUser, TOKEN_PIN),
            Map.entry(skfKeyUser, SKF_PIN))) {
      X509Certificate certificate = key.getKey().signature().certificate();
      String nonce = nonce();
      String body =
          "{\"certificateId\":\""
              + certificateId(certificate)
              + "\",\"nonce\":\""
              + nonce
              + "\",\"pin\":\""
              + key.getValue()
              + "\"}";
      HttpResponse<String> answer =
          http.send(
              request("/v1/authenticate")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      AuthToken token = AuthTokens.parse(answer.body());
      TokenSignatureVerifier.verify(token, certificate, WebOrigin.of(ORIGIN), nonce);
    }
  }

  @Test
  @Order(5)
  void removingThePackageStopsTheClientAndLeavesOnlyTheUsersOwnConfiguration() throws Exception {
    Shell.run("dpkg", "-r", PACKAGE).orFail();

    for (int i = 0;
        i < 50
            && !(InstalledClient.processes().isEmpty()
                && InstalledClient.processesOf(InstalledClient.RUNTIME_JAVA).isEmpty());
        i++) {
      Thread.sleep(100);
    }
    assertThat(InstalledClient.processes()).as("clients still running").isEmpty();
    assertThat(InstalledClient.processesOf(InstalledClient.RUNTIME_JAVA))
        .as("SKF hosts still running")
        .isEmpty();
    assertThat(INSTALL_DIR).doesNotExist();
    assertThat(AUTOSTART).doesNotExist();
    assertThat(MENU).doesNotExist();
    assertThat(Shell.run("dpkg-query", "-W", "-f=${db:Status-Status}", PACKAGE).output().strip())
        .as("dpkg keeps no record of it (no config-files state)")
        .matches("not-installed|.*no packages found.*");
    assertThat(config.resolve("agent.properties")).isRegularFile();
    assertThat(config.resolve("softkeys/xu.p12")).isRegularFile();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Origin", ORIGIN)
        .timeout(Duration.ofSeconds(30));
  }

  private static JsonObject awaitStatus(Path log) throws Exception {
    for (int i = 0; i < 600; i++) {
      try {
        HttpResponse<String> r =
            http.send(request("/v1/status").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parseObject(r.body(), JsonLimits.DEFAULT);
      } catch (IOException notYet) {
        assertThat(session.isAlive()).as(() -> "the client ended: " + read(log)).isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError("no /v1/status within a minute: " + read(log));
  }

  private static String certificateId(X509Certificate certificate) throws Exception {
    return listedCertificate(certificate).requireString("id");
  }

  /** The entry of /v1/certificates for this certificate. */
  private static JsonObject listedCertificate(X509Certificate certificate) throws Exception {
    HttpResponse<String> r =
        http.send(request("/v1/certificates").build(), HttpResponse.BodyHandlers.ofString());
    String der = Base64.getEncoder().encodeToString(certificate.getEncoded());
    for (JsonValue v :
        Json.parseObject(r.body(), JsonLimits.DEFAULT).requireArray("certificates").elements()) {
      JsonObject c = (JsonObject) v;
      if (c.requireString("certificate").equals(der)) {
        return c;
      }
    }
    throw new AssertionError(
        "the client does not list " + certificate.getSubjectX500Principal() + ": " + r.body());
  }

  /** The entry of /v1/status for a token. */
  private static JsonObject token(String id) throws Exception {
    HttpResponse<String> r =
        http.send(request("/v1/status").build(), HttpResponse.BodyHandlers.ofString());
    for (JsonValue v :
        Json.parseObject(r.body(), JsonLimits.DEFAULT).requireArray("tokens").elements()) {
      if (((JsonObject) v).requireString("id").equals(id)) {
        return (JsonObject) v;
      }
    }
    throw new AssertionError("no token " + id + " in " + r.body());
  }

  private static long clientPid() throws IOException {
    List<Long> clients = InstalledClient.processes();
    assertThat(clients).hasSize(1);
    return clients.get(0);
  }

  private static String nonce() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  private static Map<String, String> desktopEntry(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> l.contains("=") && !l.startsWith("#"))
        .collect(
            Collectors.toMap(
                l -> l.substring(0, l.indexOf('=')),
                l -> l.substring(l.indexOf('=') + 1),
                (a, b) -> a));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
