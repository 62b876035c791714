package io.certgate.core;

/**
 * The certificate would belong to more than one CA provider (DESIGN §3): an error of configuration,
 * never settled by taking the first provider found. Refused as {@link ErrorCode#CERT_UNTRUSTED},
 * since no single provider vouches for it.
 */
public final class ProviderAmbiguousException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public ProviderAmbiguousException(String message) {
    super(ErrorCode.CERT_UNTRUSTED, message);
  }
}
