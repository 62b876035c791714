package io.certgate.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.zcygov.cn",
        "http://localhost:8080",
        "https://10.0.0.1:8443",
        "http://[::1]:8080",
        "https://[2001:db8::1]",
        "https://xn--mxtq1mhz1bv3d.cn",
        "http://localhost:443",
        "https://localhost:80"
      })
  void takesSerialisedOriginsAsTheyAre(String origin) {
    assertThat(WebOrigin.parse(origin)).map(WebOrigin::value).contains(origin);
    assertThat(WebOrigin.of(origin).value()).isEqualTo(origin);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.zcygov.cn/       | https://www.zcygov.cn",
        "HTTPS://WWW.ZcyGov.CN        | https://www.zcygov.cn",
        "https://www.zcygov.cn:443    | https://www.zcygov.cn",
        "http://localhost:80/         | http://localhost",
        "https://localhost:08443      | https://localhost:8443",
        "'  https://a.example  '      | https://a.example",
        "http://[2001:DB8::A]:8080    | http://[2001:db8::a]:8080",
        "http://[0:0:0:0:0:0:0:1]     | http://[::1]",
        "https://[2001:0db8:0:0:1:0:0:1] | https://[2001:db8::1:0:0:1]",
        "https://[2001:db8:0:1:1:1:1:1] | https://[2001:db8:0:1:1:1:1:1]",
        "https://[1:0:0:2:0:0:0:3]    | https://[1:0:0:2::3]",
        "https://[::]                 | https://[::]",
        "https://[fe80::]             | https://[fe80::]",
        "https://[::ffff:192.0.2.1]   | https://[::ffff:c000:201]",
        "https://政府采购.cn            | https://xn--mxtq1mhz1bv3d.cn",
        "https://政府采购。cn           | https://xn--mxtq1mhz1bv3d.cn",
        "https://Bücher.Example       | https://xn--bcher-kva.example"
      })
  void writesAConfiguredOriginTheWayABrowserSerialisesIt(String configured, String expected) {
    assertThat(WebOrigin.of(configured).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.zcygov.cn/",
        "HTTPS://www.zcygov.cn",
        "https://WWW.zcygov.cn",
        "https://www.zcygov.cn:443",
        "http://localhost:80",
        "https://政府采购.cn",
        " https://www.zcygov.cn",
        "https://www.zcygov.cn "
      })
  void headerTakesOnlyTheExactSerialisation(String text) {
    assertThat(WebOrigin.parse(text)).isEmpty();
    assertThat(WebOrigin.of(text)).isNotNull(); // a setting may be written so
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.zcygov.cn/login      | it has a path",
        "https://www.zcygov.cn//          | it has a path",
        "https://www.zcygov.cn\\login     | it has a path",
        "https://www.zcygov.cn?x=1        | it has a query",
        "https://www.zcygov.cn/?x=1       | it has a path",
        "https://www.zcygov.cn#top        | it has a fragment",
        "https://user@www.zcygov.cn       | it has user information",
        "https://user:pw@www.zcygov.cn    | it has user information",
        "ftp://www.zcygov.cn              | the scheme must be http or https",
        "file:///etc/passwd               | the scheme must be http or https",
        "null                             | it does not start with http(s)://",
        "www.zcygov.cn                    | it does not start with http(s)://",
        "//www.zcygov.cn                  | it does not start with http(s)://",
        "https://                         | it has no host",
        "https://:8443                    | it has no host",
        "https://www.zcygov.cn:           | its port must be a number from 1 to 65535",
        "https://www.zcygov.cn:0          | its port must be a number from 1 to 65535",
        "https://www.zcygov.cn:65536      | its port must be a number from 1 to 65535",
        "https://www.zcygov.cn:https      | its port must be a number from 1 to 65535",
        "https://www.zcy gov.cn           | it contains white space or control characters",
        "https://www%2ezcygov.cn          | its host is percent-encoded",
        "https://my_host.example          | its host is not a valid domain name",
        "http://[::1                      | its IPv6 address has no closing ]",
        "http://[::1]x                    | something follows its IPv6 address",
        "http://[::g]                     | its host is not a valid host name or IP address",
        "http://[1:2:3:4:5:6:7:8:9]       | its host is not a valid host name or IP address",
        "http://[www.example.cn]          | its host is not a valid host name or IP address",
        "http://[192.0.2.1]               | its host is not a valid host name or IP address",
        "http://::1                       | an IPv6 address must be written in [ ]",
        "http://2001:db8::1:8080          | an IPv6 address must be written in [ ]"
      })
  void refusesWhatIsNotAnOriginAndSaysWhy(String text, String reason) {
    assertThat(WebOrigin.parse(text)).isEmpty();
    assertThatThrownBy(() -> WebOrigin.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .hasMessageStartingWith("\"" + text + "\" is not a web origin");
  }

  @Test
  void refusesAnEmptySetting() {
    assertThatThrownBy(() -> WebOrigin.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is empty");
  }

  @Test
  void refusesOverlongOrigins() {
    String origin = "https://" + "a".repeat(60) + ("." + "b".repeat(60)).repeat(4);
    assertThat(WebOrigin.parse(origin)).isEmpty();
    assertThatThrownBy(() -> WebOrigin.of(origin)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalOriginsAreOneValue() {
    assertThat(WebOrigin.of("HTTPS://A.example:443/")).isEqualTo(WebOrigin.of("https://a.example"));
    assertThat(WebOrigin.of("https://a.example"))
        .hasSameHashCodeAs(WebOrigin.of("https://a.example/"));
    assertThat(WebOrigin.of("https://a.example")).isNotEqualTo(WebOrigin.of("http://a.example"));
    assertThat(WebOrigin.of("https://a.example:8443")).hasToString("https://a.example:8443");
  }
}
