package io.certgate.core;

/**
 * The certificate's provider is disabled, globally or for the region ({@link
 * ErrorCode#PROVIDER_DISABLED}).
 */
public final class ProviderDisabledException extends CertGateException {
  private static final long serialVersionUID = 1L;

  public ProviderDisabledException(String message) {
    super(ErrorCode.PROVIDER_DISABLED, message);
  }

  public ProviderDisabledException(String message, Throwable cause) {
    super(ErrorCode.PROVIDER_DISABLED, message, cause);
  }
}
