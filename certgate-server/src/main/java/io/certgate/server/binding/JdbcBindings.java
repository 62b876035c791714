package io.certgate.server.binding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** Bindings in the {@code ca_bindings} table. */
@Component
class JdbcBindings {
  static final String COLUMNS =
      "b.id, b.user_id, b.provider_code, b.lock_id, b.certificate_name, b.serial_number,"
          + " b.subject, b.issuer, b.fingerprint, b.not_after, b.bound_by, b.bound_at";

  private final JdbcClient jdbc;

  JdbcBindings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The certificate facts a binding stores. */
  record CertificateFacts(
      String lockId,
      String certificateName,
      String serialNumber,
      String subject,
      String issuer,
      String fingerprint,
      String certificateBase64,
      Instant notAfter) {}

  Optional<Binding> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ca_bindings b WHERE b.id = ?")
        .param(id)
        .query(JdbcBindings::row)
        .optional();
  }

  Optional<Binding> findByLock(String providerCode, String lockId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM ca_bindings b WHERE b.provider_code = ? AND b.lock_id = ?")
        .params(providerCode, lockId)
        .query(JdbcBindings::row)
        .optional();
  }

  /**
   * Inserts a binding, with its user's organisation copied for the listings' indexes (V21).
   *
   * @throws org.springframework.dao.DuplicateKeyException when the lock is already bound
   */
  long insert(long userId, String providerCode, CertificateFacts c, String boundBy, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO ca_bindings (user_id, provider_code, lock_id, certificate_name,"
                + " serial_number, subject, issuer, fingerprint, certificate, not_after, bound_by,"
                + " bound_at, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT u.organization_id FROM users u WHERE u.id = ?))")
        .params(
            userId,
            providerCode,
            c.lockId(),
            c.certificateName(),
            c.serialNumber(),
            c.subject(),
            c.issuer(),
            c.fingerprint(),
            c.certificateBase64(),
            utc(c.notAfter()),
            boundBy,
            utc(at),
            userId)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    touchListings(id);
    countBindings(userId, +1);
    return id;
  }

  void replaceCertificate(long id, CertificateFacts c, Instant at) {
    jdbc.sql(
            "UPDATE ca_bindings SET certificate_name = ?, serial_number = ?, subject = ?,"
                + " issuer = ?, fingerprint = ?, certificate = ?, not_after = ?, renewed_at = ?"
                + " WHERE id = ?")
        .params(
            c.certificateName(),
            c.serialNumber(),
            c.subject(),
            c.issuer(),
            c.fingerprint(),
            c.certificateBase64(),
            utc(c.notAfter()),
            utc(at),
            id)
        .update();
  }

  boolean delete(long id) {
    Optional<Long> user =
        jdbc.sql("SELECT user_id FROM ca_bindings WHERE id = ?")
            .param(id)
            .query(Long.class)
            .optional();
    if (user.isEmpty()) {
      return false;
    }
    touchListings(id);
    // of two concurrent unbinds only one deletes the row, so only that one counts it off
    if (jdbc.sql("DELETE FROM ca_bindings WHERE id = ?").param(id).update() != 1) {
      return false;
    }
    countBindings(user.get(), -1);
    return true;
  }

  /** Keeps {@code users.binding_count} (V21_2) in the caller's transaction. */
  private void countBindings(long userId, int change) {
    jdbc.sql("UPDATE users SET binding_count = binding_count + ? WHERE id = ?")
        .params(change, userId)
        .update();
  }

  /**
   * Moves the binding's organisation's listing version on (V21_1), in the caller's transaction, so
   * that no node keeps a total of the CA listings that this write changes.
   */
  private void touchListings(long bindingId) {
    jdbc.sql(
            "UPDATE organizations SET listing_version = listing_version + 1"
                + " WHERE id = (SELECT b.organization_id FROM ca_bindings b WHERE b.id = ?)")
        .param(bindingId)
        .update();
  }

  /** Bindings whose certificate expires in [from, to). */
  List<Binding> expiringBetween(Instant from, Instant to) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ca_bindings b WHERE b.not_after >= ? AND b.not_after < ? ORDER BY b.id")
        .params(utc(from), utc(to))
        .query(JdbcBindings::row)
        .list();
  }

  /** Whether the reminder {@code days} before expiry went out for this certificate. */
  boolean notified(long bindingId, String fingerprint, int days) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM ca_expiry_notices WHERE binding_id = ? AND fingerprint = ?"
                    + " AND days_before = ?")
            .params(bindingId, fingerprint, days)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Records a sent reminder. */
  void markNotified(long bindingId, String fingerprint, int days, Instant at) {
    jdbc.sql(
            "INSERT INTO ca_expiry_notices (binding_id, fingerprint, days_before, sent_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(bindingId, fingerprint, days, utc(at))
        .update();
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  static Binding row(ResultSet rs, int n) throws SQLException {
    return new Binding(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("provider_code"),
        rs.getString("lock_id"),
        rs.getString("certificate_name"),
        rs.getString("serial_number"),
        rs.getString("subject"),
        rs.getString("issuer"),
        rs.getString("fingerprint"),
        rs.getObject("not_after", OffsetDateTime.class).toInstant(),
        rs.getString("bound_by"),
        rs.getObject("bound_at", OffsetDateTime.class).toInstant());
  }
}
