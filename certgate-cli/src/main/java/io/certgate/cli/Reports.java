package io.certgate.cli;

import io.certgate.core.cert.ValidatedCertificate;

/** The members every accepted certificate reports, whichever command accepted it. */
final class Reports {
  private Reports() {}

  static Report validated(Report report, ValidatedCertificate validated) {
    return CertificateFacts.describe(report, validated.certificate())
        .put("path", CertificateFacts.subjects(validated.path()))
        .put("revocation", validated.revocation())
        .put("lockIdRule", validated.provider().lockIdRule().toString())
        .put("lockId", validated.lockId());
  }
}
