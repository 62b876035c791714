package io.certgate.server.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisation and user administration (DESIGN.md §6). */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'ORG_ADMIN')")
class AccountController {
  private final AccountService accounts;
  private final Organizations organizations;

  AccountController(AccountService accounts, Organizations organizations) {
    this.accounts = accounts;
    this.organizations = organizations;
  }

  record NewOrganization(
      @NotBlank @Size(max = 200) String name,
      @NotBlank String regionCode,
      @NotNull OrganizationKind kind,
      @NotBlank String creditCode) {}

  record NewUser(
      @Nullable Long organizationId,
      @NotBlank String username,
      @NotBlank @Size(max = 100) String displayName,
      @NotBlank String mobile,
      @NotBlank @Size(max = 64) String password,
      @NotEmpty Set<Role> roles) {}

  record UserChange(
      @NotBlank @Size(max = 100) String displayName,
      @NotBlank String mobile,
      @NotEmpty Set<Role> roles) {}

  record StatusChange(@NotNull UserStatus status) {}

  record PasswordChange(@NotBlank @Size(max = 64) String password) {}

  /** A user as administrators see it. */
  record UserView(
      long id,
      @Nullable Long organizationId,
      @Nullable String organizationName,
      String username,
      String displayName,
      String mobile,
      UserStatus status,
      Set<Role> roles,
      String createdBy,
      Instant createdAt) {}

  record UserPage(long total, int page, int size, List<UserView> items) {}

  @PostMapping("/api/admin/organizations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  Organization createOrganization(
      @Valid @RequestBody NewOrganization body, @AuthenticationPrincipal AccountPrincipal actor) {
    return accounts.createOrganization(
        new AccountService.NewOrganization(
            body.name(), body.regionCode(), body.kind(), body.creditCode()),
        actor.username());
  }

  @GetMapping("/api/admin/organizations")
  List<Organization> organizations(@AuthenticationPrincipal AccountPrincipal actor) {
    return accounts.organizations(actor);
  }

  @GetMapping("/api/admin/organizations/{id}")
  Organization organization(
      @PathVariable long id, @AuthenticationPrincipal AccountPrincipal actor) {
    return accounts.organization(id, actor);
  }

  @PostMapping("/api/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserView createUser(
      @Valid @RequestBody NewUser body, @AuthenticationPrincipal AccountPrincipal actor) {
    return view(
        accounts.createUser(
            new AccountService.NewUser(
                body.organizationId(),
                body.username(),
                body.displayName(),
                body.mobile(),
                body.password(),
                body.roles()),
            actor));
  }

  @GetMapping("/api/admin/users")
  UserPage users(
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "10") int size,
      @AuthenticationPrincipal AccountPrincipal actor) {
    Accounts.UserListing result = accounts.users(actor, organizationId, name, page, size);
    return new UserPage(
        result.total(),
        result.page(),
        result.size(),
        result.items().stream().map(this::view).toList());
  }

  @GetMapping("/api/admin/users/{id}")
  UserView user(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal actor) {
    return view(accounts.manageable(id, actor));
  }

  @PutMapping("/api/admin/users/{id}")
  UserView update(
      @PathVariable long id,
      @Valid @RequestBody UserChange body,
      @AuthenticationPrincipal AccountPrincipal actor) {
    return view(accounts.updateUser(id, body.displayName(), body.mobile(), body.roles(), actor));
  }

  @PutMapping("/api/admin/users/{id}/status")
  UserView status(
      @PathVariable long id,
      @Valid @RequestBody StatusChange body,
      @AuthenticationPrincipal AccountPrincipal actor) {
    return view(accounts.setStatus(id, body.status(), actor));
  }

  @PutMapping("/api/admin/users/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void password(
      @PathVariable long id,
      @Valid @RequestBody PasswordChange body,
      @AuthenticationPrincipal AccountPrincipal actor) {
    accounts.setPassword(id, body.password(), actor);
  }

  private UserView view(User user) {
    String orgName =
        user.organizationId() == null
            ? null
            : organizations.find(user.organizationId()).map(Organization::name).orElse(null);
    return new UserView(
        user.id(),
        user.organizationId(),
        orgName,
        user.username(),
        user.displayName(),
        user.mobile(),
        user.status(),
        user.roles(),
        user.createdBy(),
        user.createdAt());
  }
}
