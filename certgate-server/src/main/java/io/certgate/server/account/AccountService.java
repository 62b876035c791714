package io.certgate.server.account;

import io.certgate.server.api.ApiException;
import io.certgate.server.api.Inputs;
import io.certgate.server.region.Regions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of organisations and users. Each operation checks the actor against the object it
 * touches (DESIGN.md §9): an organisation administrator reaches only its own organisation's users
 * and can grant only {@code ORG_ADMIN} and {@code MEMBER}.
 */
@Service
class AccountService implements Accounts {
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{3,64}");
  static final Pattern MOBILE = Pattern.compile("1\\d{10}");

  private final JdbcUsers users;
  private final JdbcOrganizations organizations;
  private final Regions regions;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountService(
      JdbcUsers users,
      JdbcOrganizations organizations,
      Regions regions,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.users = users;
    this.organizations = organizations;
    this.regions = regions;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
  }

  record NewOrganization(
      String name, String regionCode, OrganizationKind kind, String creditCode) {}

  record NewUser(
      @Nullable Long organizationId,
      String username,
      String displayName,
      String mobile,
      String password,
      Set<Role> roles) {}

  @Transactional
  Organization createOrganization(NewOrganization req, String actor) {
    String name = Inputs.text(req.name(), "name", 200);
    if (regions.find(req.regionCode()).isEmpty()) {
      throw ApiException.badRequest("区划不存在");
    }
    if (!CreditCode.isValid(req.creditCode())) {
      throw ApiException.badRequest("统一社会信用代码无效");
    }
    if (organizations.creditCodeTaken(req.creditCode())) {
      throw ApiException.conflict("统一社会信用代码已存在");
    }
    long id =
        organizations.insert(
            name,
            req.regionCode(),
            req.kind(),
            req.creditCode(),
            actor,
            clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    events.publishEvent(new OrganizationCreated(id, name, req.creditCode(), actor));
    return organizations.find(id).orElseThrow();
  }

  @Transactional
  User createUser(NewUser req, AccountPrincipal actor) {
    checkGrant(actor, req.organizationId(), req.roles());
    if (req.organizationId() != null && organizations.find(req.organizationId()).isEmpty()) {
      throw ApiException.badRequest("机构不存在");
    }
    if (!USERNAME.matcher(req.username()).matches()) {
      throw ApiException.badRequest("用户名须为3-64位字母、数字或 _ . @ -");
    }
    String displayName = Inputs.text(req.displayName(), "displayName", 100);
    checkMobile(req.mobile(), 0);
    PasswordPolicy.violation(req.username(), req.password())
        .ifPresent(
            rule -> {
              throw ApiException.badRequest(rule);
            });
    if (users.usernameTaken(req.username())) {
      throw ApiException.conflict("用户名已存在");
    }
    long id =
        users.insert(
            new JdbcUsers.NewUserRow(
                req.organizationId(),
                req.username(),
                displayName,
                req.mobile(),
                encoder.encode(req.password()),
                Set.copyOf(req.roles()),
                actor.username(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    events.publishEvent(
        new UserCreated(
            id, req.username(), req.organizationId(), Set.copyOf(req.roles()), actor.username()));
    return users.find(id).orElseThrow();
  }

  @Transactional
  User updateUser(
      long id, String displayName, String mobile, Set<Role> roles, AccountPrincipal actor) {
    User user = manageable(id, actor);
    checkGrant(actor, user.organizationId(), roles);
    String name = Inputs.text(displayName, "displayName", 100);
    checkMobile(mobile, id);
    users.update(id, name, mobile, Set.copyOf(roles));
    events.publishEvent(new UserUpdated(id, user.username(), Set.copyOf(roles), actor.username()));
    return users.find(id).orElseThrow();
  }

  @Transactional
  User setStatus(long id, UserStatus status, AccountPrincipal actor) {
    User user = manageable(id, actor);
    if (status == UserStatus.LOCKED) {
      throw ApiException.badRequest("只能设置为正常或停用");
    }
    users.setStatus(id, status);
    events.publishEvent(new UserStatusChanged(id, user.username(), status, actor.username()));
    return users.find(id).orElseThrow();
  }

  @Transactional
  void setPassword(long id, String password, AccountPrincipal actor) {
    User user = manageable(id, actor);
    PasswordPolicy.violation(user.username(), password)
        .ifPresent(
            rule -> {
              throw ApiException.badRequest(rule);
            });
    users.changePasswordHash(id, encoder.encode(password));
    events.publishEvent(new PasswordChanged(id, user.username(), actor.username()));
  }

  /** The user, if the actor may administer it; otherwise {@code FORBIDDEN} (or 404 if absent). */
  User manageable(long id, AccountPrincipal actor) {
    User user = users.find(id).orElseThrow(ApiException::notFound);
    boolean targetIsPlatformAdmin = user.roles().contains(Role.PLATFORM_ADMIN);
    if (!actor.canManageOrganization(user.organizationId())
        || (targetIsPlatformAdmin && !actor.isPlatformAdmin())) {
      throw ApiException.forbidden();
    }
    return user;
  }

  @Override
  public UserListing users(
      AccountPrincipal actor, @Nullable Long organizationId, String name, int page, int size) {
    Long scope = organizationId;
    if (!actor.isPlatformAdmin()) {
      if (organizationId != null && !organizationId.equals(actor.organizationId())) {
        throw ApiException.forbidden();
      }
      if (!actor.canManageOrganization(actor.organizationId())) {
        throw ApiException.forbidden();
      }
      scope = actor.organizationId();
    }
    int p = Math.max(page, 1);
    int s = Math.min(Math.max(size, 1), 100);
    JdbcUsers.Page result = users.page(scope, name, p, s);
    return new UserListing(result.total(), p, s, result.items());
  }

  @Override
  public List<Organization> organizations(AccountPrincipal actor) {
    if (actor.isPlatformAdmin()) {
      return organizations.all();
    }
    Long own = actor.organizationId();
    return own == null ? List.of() : organizations.find(own).stream().toList();
  }

  Organization organization(long id, AccountPrincipal actor) {
    if (!actor.isPlatformAdmin() && !Long.valueOf(id).equals(actor.organizationId())) {
      throw ApiException.forbidden();
    }
    return organizations.find(id).orElseThrow(ApiException::notFound);
  }

  private void checkGrant(AccountPrincipal actor, @Nullable Long organizationId, Set<Role> roles) {
    if (roles.isEmpty()) {
      throw ApiException.badRequest("至少需要一个角色");
    }
    if (!actor.canManageOrganization(organizationId)) {
      throw ApiException.forbidden();
    }
    if (!actor.isPlatformAdmin() && roles.contains(Role.PLATFORM_ADMIN)) {
      throw ApiException.forbidden();
    }
    if (organizationId == null && !EnumSet.of(Role.PLATFORM_ADMIN).containsAll(roles)) {
      throw ApiException.badRequest("机构用户须指定机构");
    }
  }

  private void checkMobile(String mobile, long exceptId) {
    if (!MOBILE.matcher(mobile).matches()) {
      throw ApiException.badRequest("手机号须为11位数字");
    }
    if (users.mobileTaken(mobile, exceptId)) {
      throw ApiException.conflict("手机号已被使用");
    }
  }
}
