package io.certgate.cli;

import io.certgate.core.CertGateException;
import io.certgate.core.auth.AuthTokenValidator;
import io.certgate.core.auth.ChallengeCheck;
import io.certgate.core.auth.ValidatedToken;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.token.WebOrigin;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code certgate verify-token}: DESIGN §8 steps 1 and 3–7 for one auth token, through the server's
 * {@link AuthTokenValidator}. The challenge step is replaced by the given nonce.
 */
final class VerifyTokenCommand implements Command {

  @Override
  public String name() {
    return "verify-token";
  }

  @Override
  public String synopsis() {
    return "verify-token --anchors F… --origin O --nonce N [--intermediates F…] [--crls F…]"
        + " [--at <RFC 3339>] [--revocation NONE|CRL|OCSP|OCSP_THEN_CRL] [--failure HARD|SOFT]"
        + " TOKEN.json";
  }

  @Override
  public Report run(List<String> args) throws UsageException {
    Set<String> single = new HashSet<>(ValidationOptions.SINGLE);
    single.addAll(Set.of("--origin", "--nonce"));
    CommandLine line = CommandLine.parse(args, ValidationOptions.MULTI, single);
    WebOrigin origin = origin(line.required("--origin"));
    String nonce = line.required("--nonce");
    ValidationOptions options = ValidationOptions.from(line);
    String token = new String(InputFiles.read(line.operand()), StandardCharsets.UTF_8);
    try (CertificateValidator certificates = options.validator()) {
      AuthTokenValidator validator =
          AuthTokenValidator.builder().certificateValidator(certificates).origin(origin).build();
      ValidatedToken validated = validator.validate(token, ChallengeCheck.fixed(nonce));
      return Reports.validated(Report.valid(), validated.validation())
          .put("algorithm", validated.algorithm().name())
          .put("origin", origin.value())
          .put("agentVersion", validated.agentVersion());
    } catch (CertGateException refusal) {
      return Report.invalid(refusal);
    }
  }

  /** Written as a browser sends it, as the server does with its configured origin. */
  private static WebOrigin origin(String text) throws UsageException {
    try {
      return WebOrigin.of(text);
    } catch (IllegalArgumentException e) {
      throw UsageException.usage("--origin: " + e.getMessage());
    }
  }
}
