package io.certgate.server.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志 page: filters, paging, and the chain's verification state at the top. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditPages {
  private final AuditLog log;
  private final AuditVerifier verifier;

  AuditPages(AuditLog log, AuditVerifier verifier) {
    this.log = log;
    this.verifier = verifier;
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    int p = Math.max(page, 1);
    AuditLog.Filter filter =
        new AuditLog.Filter(
            actor, action, outcome, AuditController.instant(from), AuditController.instant(to));
    model.addAttribute("filter", filter);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("page", p);
    model.addAttribute("entries", log.search(filter, p, 20));
    model.addAttribute("verification", verifier.verifyRecent());
    return "admin/audit";
  }
}
