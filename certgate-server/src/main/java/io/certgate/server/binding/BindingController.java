package io.certgate.server.binding;

import io.certgate.server.account.AccountPrincipal;
import io.certgate.server.api.ApiException;
import io.certgate.server.api.AuthTokenField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The binding endpoints of DESIGN.md §6. */
@RestController
class BindingController {
  private final BindingService service;
  private final BindingQueries queries;
  private final ExpiryReminders reminders;

  BindingController(BindingService service, BindingQueries queries, ExpiryReminders reminders) {
    this.service = service;
    this.queries = queries;
    this.reminders = reminders;
  }

  record RemindersSent(int sent) {}

  /** Runs the daily expiry reminder now (operators; tests move the clock and call it). */
  @PostMapping("/api/admin/ca/expiry-reminders")
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  RemindersSent remindNow() {
    return new RemindersSent(reminders.run());
  }

  record BindRequest(
      @NotNull Long userId,
      @NotBlank @Size(max = 64) String challengeId,
      @NotNull @Valid AuthTokenField token) {}

  @PostMapping("/api/ca/bindings")
  @ResponseStatus(HttpStatus.CREATED)
  BindingView bind(
      @Valid @RequestBody BindRequest body,
      @AuthenticationPrincipal AccountPrincipal actor,
      HttpServletRequest request) {
    return service.bind(actor, body.userId(), body.challengeId(), body.token().text(), request);
  }

  @DeleteMapping("/api/ca/bindings/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unbind(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal actor) {
    service.unbind(actor, id);
  }

  @GetMapping("/api/ca/users")
  BindingQueries.Page<BindingQueries.CaUser> users(
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable Boolean bound,
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "10") int size,
      @AuthenticationPrincipal AccountPrincipal actor) {
    checkPaging(page, size, name);
    return queries.users(actor, organizationId, name, bound, page, size);
  }

  @GetMapping("/api/ca/bindings")
  BindingQueries.Page<BindingQueries.BindingItem> bindings(
      @RequestParam(required = false) @Nullable String account,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable Long organizationId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "10") int size,
      @AuthenticationPrincipal AccountPrincipal actor) {
    checkPaging(page, size, name);
    checkPaging(page, size, account);
    return queries.bindings(actor, organizationId, account, name, page, size);
  }

  private static void checkPaging(int page, int size, @Nullable String filter) {
    if (!BindingQueries.validPaging(page, size)) {
      throw ApiException.badRequest("分页参数无效");
    }
    if (filter != null && filter.length() > 100) {
      throw ApiException.badRequest("筛选条件过长");
    }
  }
}
