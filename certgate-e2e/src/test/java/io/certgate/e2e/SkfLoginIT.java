package io.certgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * 国密 USB keys behind an SKF library (issue 12): the organisation administrator binds a member's SM2
 * key in CA用户管理, the member logs in with it by CA登录 and its PIN, a wrong PIN shows the tries the
 * device reports; an RSA key behind SKF binds and logs in the same way. The keys are on the
 * software SKF library ({@link SoftSkfKeys}), driven by the packaged agent through JNA; the server
 * validates the tokens as any other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkfLoginIT {
  @RegisterExtension static final Chromium chromium = new Chromium();

  private static Accounts.Account sm2Member;

  private Platform platform;
  private LoginPage login;
  private CaUsersPage users;
  private String origin;

  @BeforeEach
  void setUp() {
    platform = Platform.get();
    assumeTrue(
        platform.keys.skf.isPresent(),
        "gcc or OpenSSL's headers are missing: the software SKF library cannot be built");
    origin = platform.server.origin();
    login = new LoginPage(chromium, platform.server);
    users = new CaUsersPage(chromium, platform.server);
  }

  private String id(TestKeys.Key key) throws Exception {
    return platform.agent.certificateId(key.signatureCertificate(), origin);
  }

  @Test
  @Order(1)
  void theAgentListsEachSkfDeviceAsAnSkfTokenWithItsEncryptionCertificateMarked() throws Exception {
    JsonNode tokens = platform.agent.status(origin).path("tokens");
    JsonNode sm2 =
        StreamSupport.stream(tokens.spliterator(), false)
            .filter(t -> t.path("label").asString().equals(TestKeys.SKF_SM2_DEVICE))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no SKF device in " + tokens));
    assertThat(sm2.path("kind").asString()).isEqualTo("skf");
    assertThat(sm2.path("manufacturer").asString()).isEqualTo("CertGate Soft SKF");
    assertThat(sm2.path("serial").asString()).isEqualTo("SKF-SM2-0001");
    assertThat(sm2.path("pinRetriesLeft").asInt()).isEqualTo(SoftSkfKeys.MAX_TRIES);
    assertThat(sm2.path("locked").asBoolean()).isFalse();

    String tokenId = sm2.path("id").asString();
    var certificates =
        StreamSupport.stream(platform.agent.certificates(origin).spliterator(), false)
            .filter(c -> c.path("tokenId").asString().equals(tokenId))
            .toList();
    assertThat(certificates)
        .extracting(
            c -> c.path("keyAlgorithm").asString(), c -> c.path("signatureCapable").asBoolean())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SM2", true),
            org.assertj.core.groups.Tuple.tuple("SM2", false));
  }

  @Test
  @Order(2)
  void anAdministratorBindsAnSm2SkfKeyAndTheMemberLogsInWithItsPin() throws Exception {
    sm2Member = Accounts.newMember(platform.server, "经办人国密甲");
    TestKeys.Key key = platform.keys.skfSm2;
    login.loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    users.open("?name=国密甲");
    users.openBind("经办人国密甲");
    users.bind(id(key), TestKeys.PIN);
    chromium.await().until(d -> users.cell("经办人国密甲", "CA锁ID").contains(key.lockId()));

    login.logout();
    login.openCaTab();
    login.caLogin(id(key), TestKeys.PIN);

    login.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains("用户中心", sm2Member.username(), "经办人国密甲");
  }

  @Test
  @Order(3)
  void aWrongPinShowsTheTriesTheDeviceReportsAndTheRightOneStillWorks() throws Exception {
    login.open();
    login.openCaTab();
    String certificate = id(platform.keys.skfSm2);

    login.caLogin(certificate, "000000");
    assertThat(login.error("ca")).isEqualTo("PIN码错误,还可尝试 " + (SoftSkfKeys.MAX_TRIES - 1) + " 次");
    login.caLogin(certificate, "000001");
    assertThat(login.error("ca")).isEqualTo("PIN码错误,还可尝试 " + (SoftSkfKeys.MAX_TRIES - 2) + " 次");
    chromium.snapshot(SkfLoginIT.class, "skfWrongPin");

    login.caLogin(certificate, TestKeys.PIN);
    login.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains(sm2Member.username());
  }

  @Test
  @Order(4)
  void anRsaKeyBehindSkfBindsAndLogsInToo() throws Exception {
    Accounts.Account member = Accounts.newMember(platform.server, "经办人国密乙");
    TestKeys.Key key = platform.keys.skfRsa;
    login.loginWithPassword(PlatformServer.ORG_ADMIN, PlatformServer.ORG_ADMIN_PASSWORD);
    users.open("?name=国密乙");
    users.openBind("经办人国密乙");
    users.bind(id(key), TestKeys.PIN);
    chromium.await().until(d -> users.cell("经办人国密乙", "CA锁ID").contains(key.lockId()));

    login.logout();
    login.openCaTab();
    login.caLogin(id(key), TestKeys.PIN);

    login.awaitUserCenter();
    assertThat(chromium.driver().findElement(By.tagName("main")).getText())
        .contains(member.username(), "经办人国密乙");
  }
}
