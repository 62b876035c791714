package io.certgate.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The demo gateway writes the message, code included, to the log where the demo user reads it. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingSmsGatewayTest {
  @Test
  void writesTheMessageToTheLog(CapturedOutput output) {
    new LoggingSmsGateway().send("13800000002", "验证码123456,5分钟内有效");
    assertThat(output.getAll()).contains("SMS to 13800000002: 验证码123456,5分钟内有效");
  }
}
