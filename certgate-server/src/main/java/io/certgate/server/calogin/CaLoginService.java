package io.certgate.server.calogin;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.core.token.AuthTokens;
import io.certgate.server.account.Organizations;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.binding.Binding;
import io.certgate.server.binding.Bindings;
import io.certgate.server.challenge.CaChallenges;
import io.certgate.server.login.LoginGate;
import io.certgate.server.provider.ProviderAvailability;
import io.certgate.server.provider.TrustRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The checks of a CA login, in DESIGN.md §8 order, through the login feature's {@link LoginGate}:
 * per-IP limit and this lock's failures from this address, the token with a LOGIN challenge of this
 * session (steps 1–7), then step 8: the binding of the lock (the certificate is always checked
 * against the account it is bound to), the account's state, and the region and provider rules of
 * that account. Wrong passwords never stop a CA login: only a disabled account does.
 */
@Service
class CaLoginService {

  /**
   * The failures that say someone tries a lock without its key (with {@code CA_NOT_BOUND}): an
   * expired, revoked or not yet trusted certificate, or a revocation source that cannot answer, is
   * not the caller's guess and must not hold a lock back.
   */
  private static final Set<ErrorCode> COUNTED =
      EnumSet.of(ErrorCode.SIGNATURE_INVALID, ErrorCode.ALGORITHM_MISMATCH);

  private final TrustRegistry trust;
  private final CaChallenges challenges;
  private final Bindings bindings;
  private final Users users;
  private final Organizations organizations;
  private final ProviderAvailability availability;
  private final LoginGate gate;

  CaLoginService(
      TrustRegistry trust,
      CaChallenges challenges,
      Bindings bindings,
      Users users,
      Organizations organizations,
      ProviderAvailability availability,
      LoginGate gate) {
    this.trust = trust;
    this.challenges = challenges;
    this.bindings = bindings;
    this.users = users;
    this.organizations = organizations;
    this.availability = availability;
    this.gate = gate;
  }

  /** The account a CA login opens, and the binding it logged in with. */
  record CaLogin(User user, Binding binding) {}

  CaLogin login(String challengeId, String token, HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    gate.throttle("ca:-", LoginGate.CA, ip);
    String lock = lockOf(token);
    gate.checkCaFailures(lock, ip, "ca:-");
    ValidatedToken valid;
    try {
      valid =
          trust.validate(
              token,
              challenges.check(request, challengeId, ChallengePurpose.LOGIN, Optional.empty()));
    } catch (CertGateException e) {
      if (COUNTED.contains(e.code())) {
        gate.countCaFailure(lock, ip);
      }
      throw gate.refused("ca:-", LoginGate.CA, e.code());
    }
    String who = "ca:" + valid.providerCode() + ":" + valid.lockId();
    Optional<Binding> bound = bindings.findByLock(valid.providerCode(), valid.lockId());
    Optional<User> user = bound.flatMap(b -> users.find(b.userId()));
    if (bound.isEmpty() || user.isEmpty()) {
      gate.countCaFailure(lock, ip);
      throw gate.refused(who, LoginGate.CA, ErrorCode.CA_NOT_BOUND);
    }
    gate.checkEnabled(user.get(), who, LoginGate.CA);
    Optional<ErrorCode> refusal =
        availability.refusal(organizations.regionOf(user.get()), valid.providerCode());
    if (refusal.isPresent()) {
      throw gate.refused(who, LoginGate.CA, refusal.get());
    }
    Binding binding = bound.get();
    if (isRenewal(binding, valid)) {
      bindings.renew(binding, valid);
    }
    return new CaLogin(gate.admitted(user.get(), LoginGate.CA), binding);
  }

  /**
   * Which lock failures are counted under before the token is validated: the SHA-256 of the
   * certificate it carries (the provider's lock ID can only be read from a trusted certificate). A
   * token that does not parse counts under {@code "-"} per address, never against a real lock.
   */
  private static String lockOf(String token) {
    try {
      byte[] certificate = AuthTokens.parse(token).certificate();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
    } catch (CertGateException | NoSuchAlgorithmException e) {
      return "-";
    }
  }

  /**
   * Another certificate of the bound lock that expires later than the stored one. An older
   * certificate of the same lock still logs in (it is valid and the lock is the same) but does not
   * roll the binding back.
   */
  private static boolean isRenewal(Binding binding, ValidatedToken valid) {
    return !binding.fingerprint().equals(valid.fingerprint())
        && valid.certificate().getNotAfter().toInstant().isAfter(binding.notAfter());
  }
}
