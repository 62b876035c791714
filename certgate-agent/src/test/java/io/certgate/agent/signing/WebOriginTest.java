package io.certgate.agent.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.zcygov.cn",
        "http://localhost:8080",
        "https://10.0.0.1:8443",
        "http://[::1]:8080"
      })
  void acceptsSerialisedOrigins(String origin) {
    assertThat(WebOrigin.parse(origin)).map(WebOrigin::value).contains(origin);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.zcygov.cn/",
        "https://www.zcygov.cn/login",
        "https://www.zcygov.cn?x=1",
        "https://user@www.zcygov.cn",
        "HTTPS://www.zcygov.cn",
        "https://WWW.zcygov.cn",
        "ftp://www.zcygov.cn",
        "null",
        "",
        " https://www.zcygov.cn",
        "www.zcygov.cn"
      })
  void refusesAnythingElse(String text) {
    assertThat(WebOrigin.parse(text)).isEmpty();
  }
}
