package io.certgate.server.sms;

/** The SMS gateway refused a message or could not be reached. */
public final class SmsDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SmsDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  public SmsDeliveryException(String message) {
    super(message);
  }
}
