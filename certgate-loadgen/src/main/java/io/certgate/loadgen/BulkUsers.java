package io.certgate.loadgen;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The synthetic organisations, users and their MEMBER role, streamed with COPY. Ids are given
 * explicitly (above every existing one) so users can be placed in organisations without reading
 * anything back; the identity sequences are moved past them afterwards.
 */
final class BulkUsers {
  private static final String[] KINDS = {"SUPPLIER", "PURCHASER", "AGENCY"};

  private final Connection db;
  private final SeedPlan plan;
  private final String passwordHash;
  private final String now;

  BulkUsers(Connection db, SeedPlan plan, String passwordHash, Instant now) {
    this.db = db;
    this.plan = plan;
    this.passwordHash = passwordHash;
    this.now = now.toString();
  }

  /** Inserts the small organisations from {@code firstId}; returns how many. */
  long organizations(long firstId) throws SQLException {
    try (CopyRows rows =
        CopyRows.into(
            db,
            "organizations",
            "id, name, region_code, kind, credit_code, created_by, created_at")) {
      for (int i = 0; i < plan.smallOrganizations(); i++) {
        rows.row(
            firstId + i,
            String.format("压测单位%06d有限公司", i),
            AdminSetup.REGION,
            KINDS[i % KINDS.length],
            CreditCodes.of(AdminSetup.REGION, i + 1L),
            "loadgen",
            now);
      }
      return rows.finish();
    }
  }

  /**
   * Inserts the synthetic users (all but the big organisation's administrator, who exists) where
   * {@code at} places them, each with its number of bindings (V21_2's {@code binding_count}, which
   * the server keeps on every bind and unbind).
   */
  long users(Placement at, int[] bindingCounts) throws SQLException {
    int count = plan.users() - 1;
    try (CopyRows rows =
        CopyRows.into(
            db,
            "users",
            "id, organization_id, username, display_name, mobile, password_hash, status,"
                + " failed_attempts, binding_count, created_by, created_at")) {
      for (int i = 0; i < count; i++) {
        rows.row(
            at.userId(i),
            at.organizationOf(i),
            username(i),
            displayName(i),
            "19" + padded(i, 9),
            passwordHash,
            "ENABLED",
            0,
            bindingCounts[i],
            "loadgen",
            now);
      }
      long users = rows.finish();
      try (CopyRows roles = CopyRows.into(db, "user_roles", "user_id, role")) {
        for (int i = 0; i < count; i++) {
          roles.row(at.userId(i), "MEMBER");
        }
        roles.finish();
      }
      return users;
    }
  }

  /** The display name (用户名称) of synthetic user number {@code i} (0-based). */
  static String displayName(int i) {
    return "压测用户" + padded(i, 7);
  }

  /** The username of synthetic user number {@code i} (0-based). */
  static String username(int i) {
    return "lg" + padded(i, 7);
  }

  /** {@code i} in at least {@code digits} digits, zero-padded (String.format is slow per row). */
  static String padded(int i, int digits) {
    String text = Integer.toString(i);
    return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
  }
}
