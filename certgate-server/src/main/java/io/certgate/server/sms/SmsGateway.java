package io.certgate.server.sms;

/** Delivers one text message to one mobile number. */
public interface SmsGateway {

  /**
   * Sends the message.
   *
   * @throws SmsDeliveryException when the gateway refuses or cannot be reached
   */
  void send(String mobile, String message);
}
