package io.certgate.server.sms;

import java.time.Instant;

/**
 * Where live SMS codes wait, one per (mobile, purpose) key. In memory on one node; in Redis in
 * cluster mode, so a code sent through one node can be entered on another. Both apply the same
 * rules atomically: a correct code is consumed, an expired one is dropped, a wrong one uses up a
 * try and the code is void after {@code maxTries}. They never see a code, only its {@link
 * SmsCodeDigest} digest, and compare digests.
 */
public interface SmsCodeStore {

  /** Stores a code's digest, replacing any live code under the key. */
  void put(String key, String digest, Instant expiresAt);

  /** Checks the digest of a given code against the live one at {@code now}. */
  SmsCodes.Check check(String key, String given, Instant now, int maxTries);
}
