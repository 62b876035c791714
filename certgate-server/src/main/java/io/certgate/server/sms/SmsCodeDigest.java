package io.certgate.server.sms;

import io.certgate.server.api.StartupRefused;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash an SMS code is kept as (ASVS 2.7.5): HMAC-SHA256 of the store key (purpose and
 * mobile) and the code. A plain hash of six digits would be undone by trying all 10^6 of them; the
 * key, never in the store, is what keeps someone who reads the memory dump or Redis from the live
 * codes. From {@code certgate.sms.code-key}, or derived from the audit key (see {@link
 * io.certgate.server.api.DerivedKeys}); either way the same on every node of a cluster.
 */
public final class SmsCodeDigest {
  private static final String MAC = "HmacSHA256";
  private final SecretKeySpec key;

  private SmsCodeDigest(byte[] key) {
    this.key = new SecretKeySpec(key, MAC);
  }

  /**
   * The digest of a configured key (base64, at least 32 bytes).
   *
   * @throws StartupRefused when the key is not base64 or too short
   */
  public static SmsCodeDigest of(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length < 32) {
      throw new StartupRefused(
          "certgate.sms.code-key is not a base64 key of at least 32 bytes.",
          "Set CERTGATE_SMS_CODE_KEY to the output of `openssl rand -base64 32`"
              + " (the same on every node).");
    }
    return new SmsCodeDigest(key);
  }

  /** A digest under {@code key} (32 bytes or more), e.g. one derived from the audit key. */
  public static SmsCodeDigest of(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("an SMS code key has at least 32 bytes");
    }
    return new SmsCodeDigest(key.clone());
  }

  /** A digest under a key of this process only. */
  public static SmsCodeDigest random(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new SmsCodeDigest(key);
  }

  /** The stored form of {@code code} under the store key {@code storeKey}. */
  public String of(String storeKey, String code) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      mac.update(storeKey.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
