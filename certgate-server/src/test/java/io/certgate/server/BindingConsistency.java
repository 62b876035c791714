package io.certgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.certgate.server.FaultLoad.Op;
import io.certgate.server.FaultLoad.Outcome;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What "no half-written binding" means, checked in the database after a fault. A bind writes its
 * row and its {@code CA_BIND} audit event in one transaction, and a renewal its certificate update
 * and its {@code CA_RENEW} event in one, so:
 *
 * <ul>
 *   <li>every bind answered 201 has its row, as answered;
 *   <li>every row is whole: its stored certificate decodes, and fingerprint, serial and expiry are
 *       that certificate's (a renewal never leaves old and new fields mixed);
 *   <li>every row has exactly one {@code CA_BIND} success event, and there is no such event without
 *       its row;
 *   <li>a renewed row's certificate is the one named by its latest {@code CA_RENEW} event, and a
 *       row never renewed has none;
 *   <li>each lock is bound at most once.
 * </ul>
 *
 * A bind answered 503 may still have committed (the answer is written after the commit, and the
 * commit itself can be cut off): such a row must be just as whole, and is counted.
 */
final class BindingConsistency {
  private final FaultCluster cluster;
  private final String provider;

  BindingConsistency(FaultCluster cluster, String provider) {
    this.cluster = cluster;
    this.provider = provider;
  }

  void check(Collection<Outcome> outcomes, Set<String> preBound, Set<String> contested)
      throws Exception {
    List<Map<String, Object>> rows =
        cluster.rows(
            "SELECT id, user_id, lock_id, certificate_name, serial_number, subject, issuer,"
                + " fingerprint, certificate, not_after, bound_by, bound_at, renewed_at"
                + " FROM ca_bindings WHERE provider_code = ? ORDER BY id",
            provider);
    Map<Long, Map<String, Object>> byId =
        rows.stream().collect(Collectors.toMap(r -> id(r, "id"), r -> r));
    List<Outcome> created =
        outcomes.stream()
            .filter(o -> (o.op() == Op.BIND || o.op() == Op.CONTESTED_BIND) && o.status() == 201)
            .toList();
    for (Outcome o : created) {
      Map<String, Object> row = byId.get(o.body().path("id").asLong());
      assertThat(row).as("row of the bind answered 201: %s", o.raw()).isNotNull();
      assertThat(id(row, "user_id")).isEqualTo(o.body().path("userId").asLong());
      assertThat(row.get("lock_id")).isEqualTo(o.body().path("lockId").asString());
    }
    for (Map<String, Object> row : rows) {
      assertWhole(row);
    }
    assertThat(rows.stream().map(r -> (String) r.get("lock_id")))
        .as("each lock at most once")
        .doesNotHaveDuplicates();
    assertThat(
            cluster.rows(
                "SELECT provider_code, lock_id FROM ca_bindings"
                    + " GROUP BY provider_code, lock_id HAVING COUNT(*) > 1"))
        .isEmpty();
    assertThat(created.stream().filter(o -> contested.contains(o.body().path("lockId").asString())))
        .as("one 201 at most per contested lock")
        .extracting(o -> o.body().path("lockId").asString())
        .doesNotHaveDuplicates();
    assertAudited(rows);

    Set<Long> answered =
        created.stream().map(o -> o.body().path("id").asLong()).collect(Collectors.toSet());
    long committedDespite503 =
        rows.stream()
            .filter(r -> !answered.contains(id(r, "id")) && !preBound.contains(r.get("lock_id")))
            .count();
    System.out.printf(
        "%d binding rows = %d bound before + %d answered 201 + %d committed"
            + " though answered 503; %d renewed; contested locks bound: %d of %d%n",
        rows.size(),
        preBound.size(),
        answered.size(),
        committedDespite503,
        rows.stream().filter(r -> r.get("renewed_at") != null).count(),
        rows.stream().filter(r -> contested.contains(r.get("lock_id"))).count(),
        contested.size());
  }

  private static void assertWhole(Map<String, Object> row) throws Exception {
    for (String column :
        List.of(
            "certificate_name", "serial_number", "subject", "issuer", "fingerprint", "bound_by")) {
      assertThat((String) row.get(column)).as("%s of %s", column, row.get("id")).isNotBlank();
    }
    byte[] der = Base64.getDecoder().decode((String) row.get("certificate"));
    X509Certificate c =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    assertThat((String) row.get("fingerprint")).isEqualToIgnoringCase(fingerprint);
    assertThat((String) row.get("serial_number"))
        .isEqualToIgnoringCase(c.getSerialNumber().toString(16));
    assertThat(((Timestamp) row.get("not_after")).toInstant())
        .isEqualTo(c.getNotAfter().toInstant());
  }

  private void assertAudited(List<Map<String, Object>> rows) throws Exception {
    for (Map<String, Object> row : rows) {
      String target = "user:" + id(row, "user_id") + " ca:" + provider + ":" + row.get("lock_id");
      assertThat(
              cluster.rows(
                  "SELECT seq FROM audit_events WHERE action = 'CA_BIND' AND outcome = 'SUCCESS'"
                      + " AND target = ?",
                  target))
          .as("one CA_BIND event for binding %s", row.get("id"))
          .hasSize(1);
      List<Map<String, Object>> renewals =
          cluster.rows(
              "SELECT target FROM audit_events WHERE action = 'CA_RENEW' AND target LIKE ?"
                  + " ORDER BY seq DESC",
              "binding:" + row.get("id") + " serial %");
      if (row.get("renewed_at") == null) {
        assertThat(renewals).as("binding %s never renewed", row.get("id")).isEmpty();
      } else {
        assertThat(renewals).as("renewal of binding %s audited", row.get("id")).isNotEmpty();
        assertThat((String) renewals.get(0).get("target"))
            .as("binding %s holds the certificate of its last CA_RENEW", row.get("id"))
            .endsWith("->" + row.get("serial_number"));
      }
    }
    assertThat(
            cluster.rows(
                "SELECT seq FROM audit_events WHERE action = 'CA_BIND' AND outcome = 'SUCCESS'"
                    + " AND target LIKE ?",
                "% ca:" + provider + ":%"))
        .as("no CA_BIND event without its binding (nothing was unbound)")
        .hasSize(rows.size());
  }

  private static long id(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).longValue();
  }
}
