package io.certgate.server.binding;

import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.sms.SmsDeliveryException;
import io.certgate.server.sms.SmsGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily expiry reminder: the owner of every bound certificate that expires within 30 days, and
 * again within 7 days, gets one SMS each time (per certificate, so a renewed certificate is
 * reminded afresh). A reminder that could not be delivered is not recorded and is tried again the
 * next day. Runs at {@code certgate.ca.expiry-cron} (09:00 Beijing time by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryReminders {
  /** Nearest first: a certificate bound with 5 days left gets the 7-day warning, not both. */
  static final List<Integer> DAYS_BEFORE = List.of(7, 30);

  private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy年MM月dd日").withZone(ZoneId.of("Asia/Shanghai"));

  private final JdbcBindings bindings;
  private final Users users;
  private final SmsGateway sms;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExpiryReminders(
      JdbcBindings bindings,
      Users users,
      SmsGateway sms,
      ApplicationEventPublisher events,
      Clock clock) {
    this.bindings = bindings;
    this.users = users;
    this.sms = sms;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(cron = "${certgate.ca.expiry-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
  void daily() {
    int sent = run();
    if (sent > 0) {
      log.info("CA expiry reminders sent: {}", sent);
    }
  }

  /** Sends what is due now; returns how many messages went out. */
  int run() {
    Instant now = clock.instant();
    int sent = 0;
    for (int days : DAYS_BEFORE) {
      for (Binding b : bindings.expiringBetween(now, now.plus(Duration.ofDays(days)))) {
        if (alreadyWarnedCloser(b, days)) {
          continue;
        }
        Optional<User> user = users.find(b.userId());
        if (user.isPresent() && send(b, user.get(), days, now)) {
          sent++;
        }
      }
    }
    return sent;
  }

  private boolean alreadyWarnedCloser(Binding b, int days) {
    return days == 30 && bindings.notified(b.id(), b.fingerprint(), 7);
  }

  private boolean send(Binding b, User user, int days, Instant now) {
    if (bindings.notified(b.id(), b.fingerprint(), days)) {
      return false;
    }
    String text =
        "【政府采购云平台】您绑定的CA证书(%s,CA锁ID %s)将于%s到期,请及时到CA服务商办理证书更新,更新后无需重新绑定。"
            .formatted(b.certificateName(), b.lockId(), DATE.format(b.notAfter()));
    try {
      sms.send(user.mobile(), text);
    } catch (SmsDeliveryException e) {
      events.publishEvent(new CaExpiryNotified(b.id(), b.userId(), days, false));
      return false;
    }
    bindings.markNotified(b.id(), b.fingerprint(), days, now);
    events.publishEvent(new CaExpiryNotified(b.id(), b.userId(), days, true));
    return true;
  }
}
