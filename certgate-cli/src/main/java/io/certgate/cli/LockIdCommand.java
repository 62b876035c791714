package io.certgate.cli;

import io.certgate.core.CertMalformedException;
import io.certgate.core.lockid.LockIdRule;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** {@code certgate lock-id --rule RULE CERT}: the lock ID a provider with that rule would bind. */
final class LockIdCommand implements Command {

  @Override
  public String name() {
    return "lock-id";
  }

  @Override
  public String synopsis() {
    return "lock-id --rule SPKI_SHA256|ISSUER_SERIAL|SUBJECT_ATTRIBUTE:<oid>|EXTENSION:<oid> CERT";
  }

  @Override
  public Report run(List<String> args) throws UsageException {
    CommandLine line = CommandLine.parse(args, Set.of(), Set.of("--rule"));
    LockIdRule rule;
    try {
      rule = LockIdRule.parse(line.required("--rule"));
    } catch (IllegalArgumentException e) {
      throw UsageException.usage(e.getMessage());
    }
    byte[] content = InputFiles.read(line.operand());
    try {
      X509Certificate certificate = InputFiles.certificates(content, line.operand()).get(0);
      String lockId = rule.extract(certificate);
      return CertificateFacts.describe(Report.valid(), certificate)
          .put("lockIdRule", rule.toString())
          .put("lockId", lockId);
    } catch (CertMalformedException e) {
      return Report.invalid(e);
    }
  }
}
