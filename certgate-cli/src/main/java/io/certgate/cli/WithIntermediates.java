package io.certgate.cli;

import io.certgate.core.CertGateException;
import io.certgate.core.CertMalformedException;
import io.certgate.core.cert.CertificateValidator;
import io.certgate.core.cert.ProviderTrust;
import io.certgate.core.cert.Purpose;
import io.certgate.core.cert.ValidatedCertificate;
import io.certgate.core.revocation.CrlState;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's validator with the checker's {@code --intermediates} added to every chain it is
 * given, exactly where a token's {@code chain} goes: path building material, never trusted.
 */
final class WithIntermediates implements CertificateValidator {
  private final CertificateValidator validator;
  private final List<X509Certificate> intermediates;

  WithIntermediates(CertificateValidator validator, List<X509Certificate> intermediates) {
    this.validator = validator;
    this.intermediates = List.copyOf(intermediates);
  }

  @Override
  public ValidatedCertificate validate(
      X509Certificate certificate, List<X509Certificate> chain, Purpose purpose)
      throws CertGateException {
    List<X509Certificate> all = new ArrayList<>(chain);
    all.addAll(intermediates);
    return validator.validate(certificate, all, purpose);
  }

  @Override
  public X509Certificate decode(byte[] der) throws CertMalformedException {
    return validator.decode(der);
  }

  @Override
  public void refreshCrls() {
    validator.refreshCrls();
  }

  @Override
  public List<ProviderTrust> providers() {
    return validator.providers();
  }

  @Override
  public Map<String, List<CrlState>> crlStates() {
    return validator.crlStates();
  }

  @Override
  public void close() {
    validator.close();
  }
}
