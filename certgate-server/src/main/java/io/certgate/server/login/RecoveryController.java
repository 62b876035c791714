package io.certgate.server.login;

import io.certgate.core.ErrorCode;
import io.certgate.server.account.PasswordChanged;
import io.certgate.server.account.PasswordPolicy;
import io.certgate.server.account.User;
import io.certgate.server.account.UserStatus;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import io.certgate.server.sms.SmsCodes;
import io.certgate.server.sms.SmsPurpose;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS codes and what they unlock: 短信验证码登录 (the code), 忘记用户名 and 忘记密码. A code request answers the
 * same whether or not the mobile is registered, so numbers cannot be enumerated.
 */
@RestController
class RecoveryController {
  private final SmsCodes codes;
  private final Users users;
  private final LoginService logins;
  private final Captchas captchas;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;

  RecoveryController(
      SmsCodes codes,
      Users users,
      LoginService logins,
      Captchas captchas,
      PasswordEncoder encoder,
      ApplicationEventPublisher events) {
    this.codes = codes;
    this.users = users;
    this.logins = logins;
    this.captchas = captchas;
    this.encoder = encoder;
    this.events = events;
  }

  record CodeRequest(
      @NotBlank @Pattern(regexp = "1\\d{10}", message = "须为11位手机号") String mobile,
      @NotNull SmsPurpose purpose,
      @Nullable @Size(max = 64) String captchaId,
      @Nullable @Size(max = 16) String captcha) {}

  record CodeSent(boolean sent, long expiresInSeconds) {}

  record UsernameRecovery(
      @NotBlank @Size(max = 11) String mobile, @NotBlank @Size(max = 6) String code) {}

  record RecoveredUsername(String username) {}

  record PasswordReset(
      @NotBlank @Size(max = 11) String mobile,
      @NotBlank @Size(max = 6) String code,
      @NotBlank @Size(max = 64) String newPassword) {}

  @PostMapping("/api/sms/codes")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CodeSent send(@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    Optional<User> user = users.findByMobile(body.mobile());
    if (logins.captchaRequired(user, body.mobile(), ip)
        && !captchas.check(body.captchaId(), body.captcha())) {
      throw new ApiException(ErrorCode.CAPTCHA_INVALID);
    }
    boolean deliver = user.map(u -> u.status() != UserStatus.DISABLED).orElse(false);
    codes.send(body.mobile(), body.purpose(), ip, deliver);
    return new CodeSent(true, SmsCodes.TTL.toSeconds());
  }

  @PostMapping("/api/recovery/username")
  RecoveredUsername username(
      @Valid @RequestBody UsernameRecovery body, HttpServletRequest request) {
    logins.throttle(body.mobile(), "RECOVER_USERNAME", request.getRemoteAddr());
    User user = verified(body.mobile(), SmsPurpose.RECOVER_USERNAME, body.code());
    events.publishEvent(new UsernameRecovered(user.id(), user.username()));
    return new RecoveredUsername(user.username());
  }

  @PostMapping("/api/recovery/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  void password(@Valid @RequestBody PasswordReset body, HttpServletRequest request) {
    logins.throttle(body.mobile(), "RESET_PASSWORD", request.getRemoteAddr());
    // the code first: before it is right nothing tells whether the mobile has an account, whose it
    // is or what its password rule asks (a rule refused after the code costs the user a new code)
    User user = verified(body.mobile(), SmsPurpose.RESET_PASSWORD, body.code());
    PasswordPolicy.violation(user.username(), body.newPassword())
        .ifPresent(
            rule -> {
              throw ApiException.badRequest(rule);
            });
    users.changePasswordHash(user.id(), encoder.encode(body.newPassword()));
    events.publishEvent(new PasswordChanged(user.id(), user.username(), user.username()));
  }

  private User verified(String mobile, SmsPurpose purpose, String code) {
    if (codes.check(mobile, purpose, code) != SmsCodes.Check.ACCEPTED) {
      throw new ApiException(ErrorCode.CAPTCHA_INVALID, "短信验证码错误或已过期");
    }
    return users
        .findByMobile(mobile)
        .filter(u -> u.status() != UserStatus.DISABLED)
        .orElseThrow(() -> new ApiException(ErrorCode.CAPTCHA_INVALID, "短信验证码错误或已过期"));
  }
}
