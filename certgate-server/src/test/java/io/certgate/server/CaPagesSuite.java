package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.testpki.KeyKind;
import io.certgate.testpki.UserCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The CA pages as the browser gets them, the public guide and downloads, expiry reminders. */
abstract class CaPagesSuite extends CaPlatformIT {

  @Test
  void caPagesShowUsersBindingsProvidersAndTheCaLoginTab() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode orgAdmin = user(admin, s.organization(), "ORG_ADMIN");
    JsonNode member = user(admin, s.organization(), "MEMBER");
    UserCredentials lock = s.provider().issueUser("页面");
    assertThat(bind(admin, member.path("id").asLong(), lock.signature()).status()).isEqualTo(201);
    Browser b = loggedIn(orgAdmin.path("username").asString(), PASSWORD);

    Browser.Res users = b.get("/ca?bound=true");
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.body())
        .contains(
            "CA用户管理",
            "已绑定",
            lock.lockId(),
            "页面",
            "共有 1 条",
            "证书名称",
            "刷新证书",
            "CA驱动下载",
            "请选择数字签名的证书类型进行绑定",
            "解除绑定")
        .doesNotContain("expiring");
    Browser.Res list = b.get("/ca/bindings?account=" + member.path("username").asString());
    assertThat(list.body()).contains("绑定账户", lock.lockId(), "测试CA " + s.provider().code());
    assertThat(b.get("/ca/apply").body()).contains("CA证书办理", "https://ca.example/apply");
    assertThat(b.get("/admin/providers").status()).isEqualTo(403);
    Browser.Res providers = admin.get("/admin/providers");
    assertThat(providers.status()).isEqualTo(200);
    assertThat(providers.body()).contains("CA服务商管理", s.provider().code(), "按区划启用", "CA驱动");
    Browser.Res driver =
        admin.post(
            "/api/admin/providers/" + s.provider().code() + "/drivers",
            "{\"name\":\"测试驱动\",\"version\":\"2.1\",\"url\":\"https://ca.example/driver.exe\"}");
    assertThat(driver.status()).as(driver.body()).isEqualTo(201);
    assertThat(browser().get("/ca/drivers").body())
        .contains("测试驱动", "2.1", "https://ca.example/driver.exe");

    Browser anonymous = browser();
    Browser.Res drivers = anonymous.get("/ca/drivers");
    assertThat(drivers.status()).isEqualTo(200);
    assertThat(drivers.body()).contains("CA驱动下载", "CertGate CA客户端", "测试区划" + s.region());
    if (drivers.body().contains("/downloads/certgate-agent.jar")) {
      Browser.Res jar = anonymous.get("/downloads/certgate-agent.jar");
      assertThat(jar.status()).isEqualTo(200);
      assertThat(jar.header("Content-Disposition").orElse("")).contains("certgate-agent.jar");
    }
    assertThat(anonymous.get("/login").body())
        .contains("CA登录", "name=\"certificate\"", "/js/ca-login.js", "CA客户端驱动未安装,请下载");
    assertThat(anonymous.get("/ca").status()).isIn(302, 401);
  }

  @Test
  void guideIsPublicAndARegionsOwnVersionShowsAfterLogin() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.RSA_2048);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    Browser.Res general = browser().get("/guide");
    assertThat(general.status()).isEqualTo(200);
    assertThat(general.body()).contains("CA绑定", "CA登录", "一把CA锁只能绑定一个账号");
    String text = "本区划CA指南 <script>alert(1)</script>";
    Browser.Res put =
        admin.put("/api/admin/guides/" + s.region(), "{\"content\":%s}".formatted(quote(text)));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Browser.Res mine = loggedIn(member.path("username").asString(), PASSWORD).get("/guide");
    assertThat(mine.body()).contains("本区划CA指南 &lt;script&gt;").doesNotContain("<script>alert");
    assertThat(browser().get("/guide").body()).doesNotContain("本区划CA指南");
    Browser orgAdmin =
        loggedIn(user(admin, s.organization(), "ORG_ADMIN").path("username").asString(), PASSWORD);
    assertThat(orgAdmin.put("/api/admin/guides/" + s.region(), "{\"content\":\"x\"}").status())
        .isEqualTo(403);
  }

  @Test
  void remindsBySmsThirtyAndSevenDaysBeforeExpiryOnceEach() {
    Browser admin = admin();
    Setup s = setup(admin, KeyKind.EC_P256);
    JsonNode member = user(admin, s.organization(), "MEMBER");
    String mobile = member.path("mobile").asString();
    assertThat(
            bind(admin, member.path("id").asLong(), s.provider().issueUser("提醒").signature())
                .status())
        .isEqualTo(201);
    assertThat(remind(admin)).isGreaterThanOrEqualTo(0);
    assertThat(FakeSmsGateway.get().count(mobile)).isZero();

    clock.advance(Duration.ofDays(365 - 29));
    admin = admin(); // sessions end at their absolute lifetime (12 h)
    remind(admin);
    assertThat(FakeSmsGateway.get().count(mobile)).isEqualTo(1);
    remind(admin);
    assertThat(FakeSmsGateway.get().count(mobile)).isEqualTo(1);
    Browser page = admin();
    assertThat(page.get("/ca?organizationId=" + s.organization()).body()).contains("expiring");

    clock.advance(Duration.ofDays(23));
    remind(admin());
    assertThat(FakeSmsGateway.get().count(mobile)).isEqualTo(2);
    remind(admin());
    assertThat(FakeSmsGateway.get().count(mobile)).isEqualTo(2);
  }

  private static int remind(Browser admin) {
    Browser.Res r = admin.post("/api/admin/ca/expiry-reminders", "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("sent").asInt();
  }
}
