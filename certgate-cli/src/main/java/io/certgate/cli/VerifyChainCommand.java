package io.certgate.cli;

import io.certgate.core.CertGateException;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.Purpose;
import io.certgate.core.cert.ValidatedCertificate;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code certgate verify-chain}: DESIGN §8 steps 5–7 for one certificate, through the server's
 * {@link CertificateValidator}. Further certificates in the CERT file are offered for path
 * building, like a token's chain.
 */
final class VerifyChainCommand implements Command {

  @Override
  public String name() {
    return "verify-chain";
  }

  @Override
  public String synopsis() {
    return "verify-chain --anchors F… [--intermediates F…] [--crls F…] [--at <RFC 3339>]"
        + " [--revocation NONE|CRL|OCSP|OCSP_THEN_CRL] [--failure HARD|SOFT]"
        + " [--purpose login|any] CERT";
  }

  @Override
  public Report run(List<String> args) throws UsageException {
    Set<String> single = new HashSet<>(ValidationOptions.SINGLE);
    single.add("--purpose");
    CommandLine line = CommandLine.parse(args, ValidationOptions.MULTI, single);
    Purpose purpose = purpose(line);
    ValidationOptions options = ValidationOptions.from(line);
    byte[] content = InputFiles.read(line.operand());
    try (CertificateValidator validator = options.validator()) {
      List<X509Certificate> certificates = InputFiles.certificates(content, line.operand());
      List<X509Certificate> chain = certificates.subList(1, certificates.size());
      ValidatedCertificate validated = validator.validate(certificates.get(0), chain, purpose);
      return Reports.validated(Report.valid(), validated).put("purpose", purpose.name());
    } catch (CertGateException refusal) {
      return Report.invalid(refusal);
    }
  }

  private static Purpose purpose(CommandLine line) throws UsageException {
    String value = line.value("--purpose").orElse("login").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "login" -> Purpose.LOGIN;
      case "any" -> Purpose.ANY;
      default -> throw UsageException.usage("--purpose must be login or any, not " + value);
    };
  }
}
