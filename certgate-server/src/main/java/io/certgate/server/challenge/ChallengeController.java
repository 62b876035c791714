package io.certgate.server.challenge;

import io.certgate.core.ErrorCode;
import io.certgate.core.challenge.Challenge;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.CaPermissions;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import io.certgate.server.limit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ca/challenges}: a LOGIN challenge for anyone (the login page), a BIND challenge
 * only for a signed-in user allowed to bind CAs of the target user. Per client IP at most {@code
 * certgate.ca.challenge-ip-attempts} (120) a minute.
 */
@RestController
class ChallengeController {
  private final CaChallenges challenges;
  private final Users users;
  private final RateLimiter limits;
  private final int ipAttempts;

  ChallengeController(
      CaChallenges challenges,
      Users users,
      RateLimiter limits,
      @Value("${certgate.ca.challenge-ip-attempts:120}") int ipAttempts) {
    this.challenges = challenges;
    this.users = users;
    this.limits = limits;
    this.ipAttempts = ipAttempts;
  }

  record ChallengeRequest(@NotNull ChallengePurpose purpose, @Nullable Long userId) {}

  record ChallengeView(String challengeId, String nonce, Instant expiresAt) {
    static ChallengeView of(Challenge c) {
      return new ChallengeView(c.id(), c.nonce(), c.expiresAt());
    }
  }

  @PostMapping("/api/ca/challenges")
  ChallengeView issue(
      @Valid @RequestBody ChallengeRequest body,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    if (!limits.tryAcquire(
        "ca-challenge-ip:" + request.getRemoteAddr(), ipAttempts, Duration.ofMinutes(1))) {
      throw new ApiException(ErrorCode.RATE_LIMITED);
    }
    if (body.purpose() == ChallengePurpose.LOGIN) {
      if (body.userId() != null) {
        throw ApiException.badRequest("登录挑战不接受 userId");
      }
      return ChallengeView.of(challenges.issueLogin(request));
    }
    if (authentication == null
        || !(authentication.getPrincipal() instanceof AccountPrincipal actor)) {
      throw new ApiException(ErrorCode.UNAUTHENTICATED);
    }
    if (body.userId() == null) {
      throw ApiException.badRequest("绑定挑战须指定 userId");
    }
    User target = users.find(body.userId()).orElseThrow(ApiException::notFound);
    if (!CaPermissions.mayManage(actor, target)) {
      throw ApiException.forbidden();
    }
    return ChallengeView.of(challenges.issueBind(request, target.id()));
  }
}
