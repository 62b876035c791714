package io.certgate.testpki;

/**
 * Object identifiers the test PKI puts in its certificates.
 *
 * <p>They sit under the IANA enterprise number 32473, reserved for documentation and examples by
 * RFC 5612, so they can never collide with a real CA's extension (real Chinese CAs use arcs such as
 * GB/T 20518's 1.2.156.10260.4.1.x or their own enterprise numbers).
 */
public final class TestOids {
  /**
   * Certificate extension holding the lock ID (CA锁ID), non-critical: a UTF8String, or an IA5String
   * when {@link UserSpec#lockIdAsIa5String()} asks for it.
   */
  public static final String LOCK_ID_EXTENSION = "1.3.6.1.4.1.32473.1.1";

  /** Subject attribute holding the lock ID as a UTF8String, when the spec asks for it. */
  public static final String LOCK_ID_SUBJECT_ATTRIBUTE = "1.3.6.1.4.1.32473.1.2";

  /** Rule strings for certgate-core's {@code LockIdRule.parse} matching the two OIDs above. */
  public static final String LOCK_ID_EXTENSION_RULE = "EXTENSION:" + LOCK_ID_EXTENSION;

  public static final String LOCK_ID_SUBJECT_RULE =
      "SUBJECT_ATTRIBUTE:" + LOCK_ID_SUBJECT_ATTRIBUTE;

  private TestOids() {}
}
