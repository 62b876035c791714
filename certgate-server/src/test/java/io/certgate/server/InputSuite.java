package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input of every shape is a 4xx with a code, never a 5xx or a stack trace, nothing stored. */
abstract class InputSuite extends PlatformIT {

  private void assertRefused(Browser.Res r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.error()).isEqualTo(status == 404 ? "NOT_FOUND" : "BAD_REQUEST");
    assertThat(r.body()).doesNotContain("Exception", "at io.", "at org.");
  }

  @Test
  void refusesMalformedJson() {
    Browser pa = admin();
    assertRefused(pa.post("/api/admin/users", "{\"username\":"), 400);
    assertRefused(pa.post("/api/admin/users", "[1,2"), 400);
    assertRefused(pa.post("/api/admin/users", "{} trailing"), 400);
  }

  @Test
  void refusesUnknownFieldsAndWrongTypes() {
    Browser pa = admin();
    long org = organization(pa, unique("机构"));
    String username = unique("t");
    String base =
        "\"username\":\"%s\",\"displayName\":\"x\",\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]"
            .formatted(username, mobile(), PASSWORD);
    assertRefused(
        pa.post("/api/admin/users", "{\"organizationId\":" + org + "," + base + ",\"admin\":true}"),
        400);
    assertRefused(
        pa.post("/api/admin/users", "{\"organizationId\":\"" + org + "\"," + base + "}"), 400);
    assertRefused(
        pa.post(
            "/api/admin/users",
            "{\"organizationId\":" + org + "," + base.replace("\"x\"", "5") + "}"),
        400);
    assertRefused(
        pa.post(
            "/api/admin/users",
            "{\"organizationId\":" + org + "," + base.replace("MEMBER", "KING") + "}"),
        400);
    assertRefused(pa.post("/api/admin/regions", "{\"code\":\"12345\",\"name\":\"短\"}"), 400);
    assertRefused(
        pa.post("/api/admin/regions", "{\"code\":\"123456\",\"name\":\"x\",\"caEnabled\":\"yes\"}"),
        400);
    // nothing was stored
    assertThat(pa.get("/api/admin/users?name=" + username).json().path("total").asLong()).isZero();
  }

  @Test
  void refusesNulInBodiesAndQueriesInsteadOfFailingInTheDatabase() {
    // "\u0000" is valid JSON and %00 a valid query escape, but PostgreSQL refuses NUL in text
    Browser pa = admin();
    assertRefused(
        browser().post("/api/auth/password", "{\"username\":\"a\\u0000b\",\"password\":\"x\"}"),
        400);
    String username = unique("n");
    long org = organization(pa, unique("机构"));
    assertRefused(
        pa.post(
            "/api/admin/users",
            ("{\"organizationId\":%d,\"username\":\"%s\",\"displayName\":\"x\\u0000\","
                    + "\"mobile\":\"%s\",\"password\":\"%s\",\"roles\":[\"MEMBER\"]}")
                .formatted(org, username, mobile(), PASSWORD)),
        400);
    assertRefused(pa.get("/api/admin/audit?actor=a%00b"), 400);
    assertRefused(pa.get("/api/admin/users?name=%00"), 400);
    assertThat(pa.get("/api/admin/users?name=" + username).json().path("total").asLong()).isZero();
  }

  @Test
  void refusesQueryStringsThatAreNotUtf8OnEveryEndpointAndPage() {
    // a multi-byte sequence cut short, an encoded lone surrogate, an overlong form, a stray byte
    List<String> bad = List.of("%E4%B8", "%ED%A0%80", "%C0%AF", "%FF", "a%E4%B8%AD%E6");
    Browser pa = admin();
    for (String path :
        List.of(
            "/api/admin/users",
            "/api/ca/users",
            "/api/session",
            "/api/captcha",
            "/admin/audit",
            "/login",
            "/ca/drivers",
            "/api/no-such-endpoint",
            "/actuator/health")) {
      for (String value : bad) {
        assertRefused(pa.get(path + "?name=" + value), 400);
        assertRefused(browser().get(path + "?" + value + "=1"), 400);
      }
    }
    // the same in a form body (Spring Security reads _csrf from it when the header is missing)
    Browser.Res form =
        pa.raw(
            HttpRequest.newBuilder(pa.uri("/api/auth/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=%ED%A0%80")));
    assertRefused(form, 400);
    // and valid UTF-8 still passes
    assertThat(pa.get("/api/admin/users?name=%E5%BC%A0").status()).isEqualTo(200);
  }

  @Test
  void refusesHugeBodies() {
    Browser pa = admin();
    String huge = "{\"username\":\"" + "a".repeat(200_000) + "\",\"password\":\"x\"}";
    Browser.Res r = pa.post("/api/auth/password", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.error()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void answersUnknownPathsMethodsAndMediaTypesWithCodes() {
    Browser pa = admin();
    assertRefused(pa.get("/api/admin/nothing-here"), 404);
    assertRefused(pa.delete("/api/admin/regions"), 405);
    Browser.Res xml =
        pa.raw(
            HttpRequest.newBuilder(pa.uri("/api/admin/regions"))
                .header("Content-Type", "application/xml")
                .header("X-XSRF-TOKEN", pa.cookie("XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("<region/>")));
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.error()).isEqualTo("BAD_REQUEST");
    assertRefused(pa.get("/api/admin/users/not-a-number"), 400);
    assertRefused(pa.get("/api/admin/users/999999999"), 404);
  }

  @Test
  void publishesOpenApi() {
    Browser.Res r = browser().get("/v3/api-docs");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("paths").has("/api/auth/password")).isTrue();
    assertThat(r.json().path("paths").has("/api/admin/users")).isTrue();
  }
}
