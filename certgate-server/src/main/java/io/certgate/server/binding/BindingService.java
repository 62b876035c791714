package io.certgate.server.binding;

import io.certgate.core.CertGateException;
import io.certgate.core.ErrorCode;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.challenge.ChallengePurpose;
import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.account.CaPermissions;
import io.certgate.server.account.Organizations;
import io.certgate.server.account.User;
import io.certgate.server.account.Users;
import io.certgate.server.api.ApiException;
import io.certgate.server.challenge.CaChallenges;
import io.certgate.server.provider.ProviderAvailability;
import io.certgate.server.provider.TrustRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Binding and unbinding, in the order of DESIGN.md §8 after the actor's authorisation: the token
 * with its BIND challenge for this session and user (steps 1–7), then the user's region and the
 * provider's enabling there, then uniqueness, which the database's constraint decides so that
 * concurrent binds of one lock leave exactly one binding. Every refusal is published before it is
 * thrown, outside any transaction, so its audit row is not rolled back with it.
 */
@Service
class BindingService implements Bindings {
  private final JdbcBindings bindings;
  private final BindingQueries queries;
  private final CaChallenges challenges;
  private final TrustRegistry trust;
  private final Users users;
  private final Organizations organizations;
  private final ProviderAvailability availability;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  BindingService(
      JdbcBindings bindings,
      BindingQueries queries,
      CaChallenges challenges,
      TrustRegistry trust,
      Users users,
      Organizations organizations,
      ProviderAvailability availability,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.bindings = bindings;
    this.queries = queries;
    this.challenges = challenges;
    this.trust = trust;
    this.users = users;
    this.organizations = organizations;
    this.availability = availability;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  BindingView bind(
      AccountPrincipal actor,
      long userId,
      String challengeId,
      String token,
      HttpServletRequest request) {
    String target = "user:" + userId;
    User user =
        users.find(userId).orElseThrow(() -> refuse(actor, "CA_BIND", target, ErrorCode.NOT_FOUND));
    if (!CaPermissions.mayManage(actor, user)) {
      throw refuse(actor, "CA_BIND", target, ErrorCode.FORBIDDEN);
    }
    ValidatedToken valid;
    try {
      valid =
          trust.validate(
              token,
              challenges.check(request, challengeId, ChallengePurpose.BIND, Optional.of(userId)));
    } catch (CertGateException e) {
      throw refuse(actor, "CA_BIND", target, e.code());
    }
    availability
        .refusal(organizations.regionOf(user), valid.providerCode())
        .ifPresent(
            code -> {
              throw refuse(actor, "CA_BIND", target, code);
            });
    JdbcBindings.CertificateFacts facts = CertificateFactsOf.of(valid);
    long id;
    try {
      id =
          tx.execute(
              s -> {
                long created =
                    bindings.insert(
                        userId,
                        valid.providerCode(),
                        facts,
                        actor.username(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS));
                events.publishEvent(
                    new CaBound(
                        created, userId, valid.providerCode(), valid.lockId(), actor.username()));
                return created;
              });
    } catch (DuplicateKeyException e) {
      throw refuse(actor, "CA_BIND", target, ErrorCode.CA_ALREADY_BOUND);
    }
    return queries.view(id).orElseThrow();
  }

  void unbind(AccountPrincipal actor, long bindingId) {
    String target = "binding:" + bindingId;
    Binding binding =
        bindings
            .find(bindingId)
            .orElseThrow(() -> refuse(actor, "CA_UNBIND", target, ErrorCode.NOT_FOUND));
    User user = users.find(binding.userId()).orElseThrow(ApiException::notFound);
    if (!CaPermissions.mayManage(actor, user)) {
      throw refuse(actor, "CA_UNBIND", target, ErrorCode.FORBIDDEN);
    }
    tx.executeWithoutResult(
        s -> {
          if (bindings.delete(bindingId)) {
            events.publishEvent(
                new CaUnbound(
                    bindingId,
                    user.id(),
                    binding.providerCode(),
                    binding.lockId(),
                    actor.username()));
          }
        });
  }

  @Override
  public Optional<Binding> find(long bindingId) {
    return bindings.find(bindingId);
  }

  @Override
  public Optional<Binding> findByLock(String providerCode, String lockId) {
    return bindings.findByLock(providerCode, lockId);
  }

  @Override
  public Binding renew(Binding binding, ValidatedToken renewed) {
    JdbcBindings.CertificateFacts facts = CertificateFactsOf.of(renewed);
    tx.executeWithoutResult(
        s -> {
          bindings.replaceCertificate(binding.id(), facts, clock.instant());
          events.publishEvent(
              new CaRenewed(
                  binding.id(),
                  binding.userId(),
                  binding.serialNumber(),
                  facts.serialNumber(),
                  facts.fingerprint()));
        });
    return bindings.find(binding.id()).orElseThrow();
  }

  private ApiException refuse(
      AccountPrincipal actor, String action, String target, ErrorCode code) {
    events.publishEvent(new CaBindRefused(actor.username(), action, target, code));
    return new ApiException(code);
  }
}
