package io.certgate.server.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certgate.server.api.StartupRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class SmsConfigTest {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void noGatewayChosenRefusesToStartSayingWhatToSet() {
    for (String none : new String[] {"", "  "}) {
      assertThatThrownBy(() -> new SmsConfig().smsGateway(none, "", "", json))
          .isInstanceOf(StartupRefused.class)
          .hasMessageContaining("No SMS gateway is configured")
          .extracting(e -> ((StartupRefused) e).action())
          .asString()
          .contains("CERTGATE_SMS_GATEWAY=http", "CERTGATE_SMS_URL");
    }
    assertThatThrownBy(() -> new SmsConfig().smsGateway("http", "", "", json))
        .isInstanceOf(StartupRefused.class);
    assertThatThrownBy(() -> new SmsConfig().smsGateway("console", "", "", json))
        .isInstanceOf(StartupRefused.class);
  }

  @Test
  void theLogGatewayChosenExplicitlyWarnsAtStart(CapturedOutput output) {
    assertThat(new SmsConfig().smsGateway("log", "", "", json))
        .isInstanceOf(LoggingSmsGateway.class);
    assertThat(output.getAll()).contains("WARN").contains("SMS gateway 'log'");
  }

  @Test
  void theHttpGatewayStartsQuietly(CapturedOutput output) {
    assertThat(new SmsConfig().smsGateway("http", "https://sms.example/send", "k", json))
        .isInstanceOf(HttpSmsGateway.class);
    assertThat(output.getAll()).doesNotContain("SMS gateway 'log'");
  }
}
