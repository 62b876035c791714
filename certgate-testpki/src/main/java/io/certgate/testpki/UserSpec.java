package io.certgate.testpki;

import java.util.Objects;
import java.util.Optional;

/**
 * What user certificates to issue: who (CN = 姓名, O = organisation), the lock ID, the user's key
 * kind (defaults to the provider's) and a {@link Variant}.
 *
 * @param commonName the subject CN, e.g. 张三
 * @param organisation the subject O
 * @param lockId the lock ID to embed; absent means a random one is chosen at issue time
 * @param keyKind the user's key kind; absent means the provider's
 * @param variant which kind of (possibly broken) signature certificate to issue
 * @param nonRepudiation whether the signature certificate also has nonRepudiation
 * @param clientAuth whether the signature certificate has an EKU extension with clientAuth
 * @param lockIdInSubject whether the lock ID also goes into the subject as {@link
 *     TestOids#LOCK_ID_SUBJECT_ATTRIBUTE}
 * @param lockIdAsIa5String whether the lock-ID extension holds an IA5String instead of the default
 *     UTF8String (some vendors use either; a lock-ID rule must unwrap both)
 */
public record UserSpec(
    String commonName,
    String organisation,
    Optional<String> lockId,
    Optional<KeyKind> keyKind,
    Variant variant,
    boolean nonRepudiation,
    boolean clientAuth,
    boolean lockIdInSubject,
    boolean lockIdAsIa5String) {

  /** Default subject O when none is given. */
  public static final String DEFAULT_ORGANISATION = "CertGate测试单位";

  /** Which signature certificate to issue. The encryption certificate is always a normal one. */
  public enum Variant {
    /** Valid now: digitalSignature [+ nonRepudiation], EKU clientAuth if asked. */
    VALID,
    /** Valid from 400 days ago until yesterday. */
    EXPIRED,
    /** Valid from tomorrow for a year. */
    NOT_YET_VALID,
    /** Valid, but its EKU allows emailProtection only. */
    WRONG_EKU,
    /** Valid, but without a keyUsage extension. */
    NO_KEY_USAGE,
    /**
     * The "signature" slot holds a certificate with encryption key usage only (keyEncipherment for
     * RSA, keyAgreement for EC/SM2), as on a lock carrying an encryption certificate only.
     */
    ENCRYPTION_ONLY,
    /** Valid, but its key usage is nonRepudiation only (no digitalSignature). */
    NON_REPUDIATION_ONLY,
    /** Valid, digitalSignature, but its EKU allows serverAuth only (a TLS server certificate). */
    SERVER_AUTH_ONLY
  }

  public UserSpec {
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(lockId, "lockId");
    Objects.requireNonNull(keyKind, "keyKind");
    Objects.requireNonNull(variant, "variant");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName must not be blank");
    }
    if (organisation.isBlank()) {
      throw new IllegalArgumentException("organisation must not be blank");
    }
    if (lockId.isPresent() && lockId.get().isBlank()) {
      throw new IllegalArgumentException("lockId must not be blank");
    }
    if (lockIdAsIa5String && lockId.isPresent() && !lockId.get().matches("\\p{ASCII}*")) {
      throw new IllegalArgumentException("an IA5String lock ID must be ASCII");
    }
  }

  /** A valid user with default settings. */
  public static UserSpec of(String commonName) {
    return builder(commonName).build();
  }

  /** A builder with defaults: VALID, nonRepudiation, clientAuth EKU, lock ID also in subject. */
  public static Builder builder(String commonName) {
    return new Builder(commonName);
  }

  /** Builder for {@link UserSpec}; {@link #build()} validates. */
  public static final class Builder {
    private String commonName;
    private String organisation = DEFAULT_ORGANISATION;
    private Optional<String> lockId = Optional.empty();
    private Optional<KeyKind> keyKind = Optional.empty();
    private Variant variant = Variant.VALID;
    private boolean nonRepudiation = true;
    private boolean clientAuth = true;
    private boolean lockIdInSubject = true;
    private boolean lockIdAsIa5String;

    private Builder(String commonName) {
      this.commonName = commonName;
    }

    public Builder commonName(String value) {
      this.commonName = value;
      return this;
    }

    public Builder organisation(String value) {
      this.organisation = value;
      return this;
    }

    public Builder lockId(String value) {
      this.lockId = Optional.of(value);
      return this;
    }

    public Builder keyKind(KeyKind value) {
      this.keyKind = Optional.of(value);
      return this;
    }

    public Builder variant(Variant value) {
      this.variant = value;
      return this;
    }

    public Builder nonRepudiation(boolean value) {
      this.nonRepudiation = value;
      return this;
    }

    public Builder clientAuth(boolean value) {
      this.clientAuth = value;
      return this;
    }

    public Builder lockIdInSubject(boolean value) {
      this.lockIdInSubject = value;
      return this;
    }

    public Builder lockIdAsIa5String(boolean value) {
      this.lockIdAsIa5String = value;
      return this;
    }

    public UserSpec build() {
      return new UserSpec(
          commonName,
          organisation,
          lockId,
          keyKind,
          variant,
          nonRepudiation,
          clientAuth,
          lockIdInSubject,
          lockIdAsIa5String);
    }
  }
}
