package io.certgate.server.audit;

import io.certgate.server.binding.CaBindRefused;
import io.certgate.server.binding.CaBound;
import io.certgate.server.binding.CaExpiryNotified;
import io.certgate.server.binding.CaRenewed;
import io.certgate.server.binding.CaUnbound;
import io.certgate.server.provider.ProfileRuleRelaxed;
import io.certgate.server.provider.ProvidersChanged;
import io.certgate.server.provider.RegionProvidersSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audit rows of the CA feature: bind, unbind (and their refusals with the error code), renewal
 * carry-over, expiry reminders and provider administration. CA logins are audited as the login
 * feature's events (method {@code CA}). Kept apart from {@link AuditListener} so the two features
 * evolve without touching each other's file.
 */
@Component
class CaAuditListener {
  private final AuditLog log;

  CaAuditListener(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(CaBound e) {
    log.append(
        e.actor(), "CA_BIND", target(e.userId(), e.providerCode(), e.lockId()), ip(), ok(), "");
  }

  @EventListener
  void on(CaUnbound e) {
    log.append(
        e.actor(), "CA_UNBIND", target(e.userId(), e.providerCode(), e.lockId()), ip(), ok(), "");
  }

  @EventListener
  void on(CaBindRefused e) {
    log.append(e.actor(), e.action(), e.target(), ip(), AuditListener.FAILURE, e.reason().name());
  }

  @EventListener
  void on(CaRenewed e) {
    log.append(
        "user:" + e.userId(),
        "CA_RENEW",
        "binding:" + e.bindingId() + " serial " + e.oldSerial() + "->" + e.newSerial(),
        ip(),
        ok(),
        "");
  }

  @EventListener
  void on(CaExpiryNotified e) {
    log.append(
        "system",
        "CA_EXPIRY_SMS",
        "binding:" + e.bindingId() + " days=" + e.daysBefore(),
        "-",
        e.delivered() ? ok() : AuditListener.FAILURE,
        e.delivered() ? "" : "SMS_FAILED");
  }

  @EventListener
  void on(ProfileRuleRelaxed e) {
    log.append(
        "system",
        "CA_PROFILE_RELAXED",
        "provider:"
            + e.providerCode()
            + " cert:"
            + e.fingerprint()
            + " rules="
            + String.join(",", e.rules()),
        ip(),
        ok(),
        "");
  }

  @EventListener
  void on(ProvidersChanged e) {
    log.append(
        e.actor(),
        e.created() ? "PROVIDER_CREATE" : "PROVIDER_UPDATE",
        "provider:" + e.code(),
        ip(),
        ok(),
        "");
  }

  @EventListener
  void on(RegionProvidersSet e) {
    log.append(
        e.actor(),
        "REGION_PROVIDERS",
        "region:" + e.regionCode() + " providers=" + String.join(",", e.providerCodes()),
        ip(),
        ok(),
        "");
  }

  private static String ok() {
    return AuditListener.SUCCESS;
  }

  /** Target text, cut to the column's 200 characters (an ISSUER_SERIAL lock ID can be long). */
  private static String target(long userId, String provider, String lockId) {
    String t = "user:" + userId + " ca:" + provider + ":" + lockId;
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  private static String ip() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      return a.getRequest().getRemoteAddr();
    }
    return "-";
  }
}
