package io.certgate.server.sms;

import io.certgate.core.ErrorCode;
import io.certgate.server.api.ApiException;
import io.certgate.server.limit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues and checks SMS codes. One live code per (mobile, purpose): a new one replaces the old.
 * Codes are 6 random digits, valid for 5 minutes, consumed by the first correct use, and void after
 * 5 wrong tries so that the 10^6 space cannot be searched within a code's life. The store keeps
 * only a keyed hash of each code ({@link SmsCodeDigest}).
 */
@Service
public class SmsCodes {
  /** How long a code is valid. */
  public static final Duration TTL = Duration.ofMinutes(5);

  static final int MAX_TRIES = 5;

  private final SmsGateway gateway;
  private final RateLimiter limits;
  private final SecureRandom random;
  private final Clock clock;
  private final String template;
  private final SmsCodeStore codes;
  private final SmsCodeDigest digest;
  private final int ipPerMinute;
  private final int ipPerDay;

  SmsCodes(
      SmsGateway gateway,
      RateLimiter limits,
      SecureRandom random,
      Clock clock,
      SmsCodeStore codes,
      SmsCodeDigest digest,
      @Value("${certgate.sms.template:【政府采购云平台】您正在{purpose},验证码{code},5分钟内有效,请勿泄露。}")
          String template,
      @Value("${certgate.sms.ip-per-minute:1}") int ipPerMinute,
      @Value("${certgate.sms.ip-per-day:10}") int ipPerDay) {
    this.ipPerMinute = ipPerMinute;
    this.ipPerDay = ipPerDay;
    this.gateway = gateway;
    this.limits = limits;
    this.random = random;
    this.clock = clock;
    this.codes = codes;
    this.digest = digest;
    this.template = template;
  }

  /** The result of checking a code. */
  public enum Check {
    ACCEPTED,
    WRONG,
    EXPIRED,
    NONE
  }

  /**
   * Counts a send against the limits and, when {@code deliver}, issues and sends a code. Callers
   * pass {@code deliver=false} for a mobile without an account, so the answer (and the limits) look
   * the same whether or not the number is registered.
   *
   * @throws ApiException {@code RATE_LIMITED} when the mobile sent within the last minute or 10
   *     times within the last day, or the IP reached {@code certgate.sms.ip-per-minute} (1) or
   *     {@code certgate.sms.ip-per-day} (10)
   */
  public void send(String mobile, SmsPurpose purpose, String clientIp, boolean deliver) {
    // checked and counted in one step: parallel requests cannot all see "under the limit"
    if (!limits.tryAcquireAll(
        List.of(
            new RateLimiter.Limit("sms-mobile-min:" + mobile, 1, Duration.ofMinutes(1)),
            new RateLimiter.Limit("sms-mobile-day:" + mobile, 10, Duration.ofDays(1)),
            new RateLimiter.Limit("sms-ip-min:" + clientIp, ipPerMinute, Duration.ofMinutes(1)),
            new RateLimiter.Limit("sms-ip-day:" + clientIp, ipPerDay, Duration.ofDays(1))))) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "短信发送过于频繁,请稍后再试");
    }
    if (!deliver) {
      return;
    }
    String code = String.format("%06d", random.nextInt(1_000_000));
    String key = key(mobile, purpose);
    // kept only as its keyed hash: whoever reads the store does not read live codes
    codes.put(key, digest.of(key, code), clock.instant().plus(TTL));
    gateway.send(mobile, template.replace("{purpose}", purpose.label()).replace("{code}", code));
  }

  /** Checks a code; a correct one is consumed, a wrong one uses up one of the tries. */
  public Check check(String mobile, SmsPurpose purpose, String code) {
    String key = key(mobile, purpose);
    return codes.check(key, digest.of(key, code), clock.instant(), MAX_TRIES);
  }

  private static String key(String mobile, SmsPurpose purpose) {
    return purpose.name() + ':' + mobile;
  }
}
