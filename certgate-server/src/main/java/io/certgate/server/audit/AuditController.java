package io.certgate.server.audit;

import io.certgate.server.api.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for platform administrators: search with filters, and chain verification. */
@RestController
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditController {
  private final AuditLog log;
  private final AuditVerifier verifier;

  AuditController(AuditLog log, AuditVerifier verifier) {
    this.log = log;
    this.verifier = verifier;
  }

  record AuditPage(long total, int page, int size, List<AuditEntry> items) {}

  @GetMapping("/api/admin/audit")
  AuditPage search(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    int p = Math.max(page, 1);
    int s = Math.min(Math.max(size, 1), 100);
    AuditLog.Page result =
        log.search(new AuditLog.Filter(actor, action, outcome, instant(from), instant(to)), p, s);
    return new AuditPage(result.total(), p, s, result.items());
  }

  /**
   * Verifies the chain and names the first broken row: {@code scope=all} (default) walks every row,
   * {@code scope=recent} only those after the latest sealed checkpoint (what the page shows).
   */
  @GetMapping("/api/admin/audit/verify")
  AuditVerifier.Verification verify(@RequestParam(defaultValue = "all") String scope) {
    return switch (scope) {
      case "all" -> verifier.verifyAll();
      case "recent" -> verifier.verifyRecent();
      default -> throw ApiException.badRequest("scope 须为 all 或 recent");
    };
  }

  static @Nullable Instant instant(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("时间格式须为 RFC 3339,如 2026-01-01T00:00:00Z");
    }
  }
}
