package io.certgate.server.provider;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CA provider as stored and as the admin API shows it.
 *
 * @param code stable identifier, e.g. {@code zjhx}
 * @param name display name, e.g. 浙江汇信CA
 * @param enabled whether its certificates are accepted anywhere
 * @param lockId the lock-ID rule text ({@code SPKI_SHA256}, {@code EXTENSION:<oid>} …)
 * @param revocation how revocation is checked
 * @param anchors the PEM bundle of its CA certificates
 * @param algorithms the token algorithms accepted from its keys
 * @param relaxProfileRules certificate profile rules (core's {@code ProfileRule} names) not
 *     enforced for its certificates; empty by default, each use audited
 * @param applicationUrl where users apply for its certificates (CA证书办理), if known
 * @param updatedBy who last changed it
 * @param updatedAt when it was last changed
 */
public record Provider(
    String code,
    String name,
    boolean enabled,
    String lockId,
    Revocation revocation,
    String anchors,
    List<String> algorithms,
    List<String> relaxProfileRules,
    @Nullable String applicationUrl,
    String updatedBy,
    Instant updatedAt) {

  /**
   * The revocation policy as configured.
   *
   * @param mode {@code NONE}, {@code CRL}, {@code OCSP} or {@code OCSP_THEN_CRL}
   * @param failure {@code HARD} or {@code SOFT}
   * @param crlUrls CRLs to load; empty means the certificates' distribution points
   * @param ocspUrl the responder; absent means the certificates' AIA
   * @param ocspResponderCertificate a locally trusted responder certificate (PEM)
   */
  public record Revocation(
      String mode,
      String failure,
      List<String> crlUrls,
      @Nullable String ocspUrl,
      @Nullable String ocspResponderCertificate) {}
}
