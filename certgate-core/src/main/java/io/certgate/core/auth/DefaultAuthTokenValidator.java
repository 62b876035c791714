package io.certgate.core.auth;

import io.certgate.core.AlgorithmMismatchException;
import io.certgate.core.CertGateException;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.Purpose;
import io.certgate.core.cert.ValidatedCertificate;
import io.certgate.core.token.AuthToken;
import io.certgate.core.token.AuthTokens;
import io.certgate.core.token.TokenSignatureVerifier;
import io.certgate.core.token.WebOrigin;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The {@link AuthTokenValidator}: DESIGN §8 steps 1–7 in order. */
final class DefaultAuthTokenValidator implements AuthTokenValidator {
  private final CertificateValidator certificates;
  private final Purpose purpose;
  private final WebOrigin origin;

  DefaultAuthTokenValidator(CertificateValidator certificates, Purpose purpose, WebOrigin origin) {
    this.certificates = certificates;
    this.purpose = purpose;
    this.origin = origin;
  }

  @Override
  public ValidatedToken validate(String tokenJson, ChallengeCheck challenge)
      throws CertGateException {
    AuthToken token = AuthTokens.parse(tokenJson); // step 1
    String nonce = challenge.takeNonce(); // step 2
    X509Certificate certificate = certificates.decode(token.certificate()); // step 3
    List<X509Certificate> chain = new ArrayList<>();
    for (byte[] der : token.chain()) {
      chain.add(certificates.decode(der));
    }
    TokenSignatureVerifier.verify(token, certificate, origin, nonce); // steps 3 and 4
    ValidatedCertificate validation = certificates.validate(certificate, chain, purpose); // 5–7
    if (!validation.provider().allowedAlgorithms().contains(token.algorithm())) {
      throw new AlgorithmMismatchException(
          "provider " + validation.providerCode() + " does not allow " + token.algorithm());
    }
    return new ValidatedToken(validation, token.algorithm(), token.agentVersion());
  }
}
