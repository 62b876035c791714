package io.certgate.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Users in the {@code users} and {@code user_roles} tables. */
@Component
final class JdbcUsers implements Users {
  private static final String COLUMNS =
      "id, organization_id, username, display_name, mobile, status, failed_attempts, locked_until,"
          + " created_by, created_at, session_version, session_epoch";
  private static final String JOINED = "u." + COLUMNS.replace(", ", ", u.");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TransactionTemplate ownTx;

  JdbcUsers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.ownTx = new TransactionTemplate(transactions);
    ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<User> find(long id) {
    return one("id = ?", id);
  }

  @Override
  public Optional<User> findByLogin(String usernameOrMobile) {
    return one("username = ?", usernameOrMobile).or(() -> findByMobile(usernameOrMobile));
  }

  @Override
  public Optional<User> findByMobile(String mobile) {
    return one("mobile = ?", mobile);
  }

  @Override
  public Optional<String> passwordHash(long id) {
    return jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  @Override
  public OptionalInt takePasswordAttempt(
      long id, Instant now, int maxFailures, IntFunction<Duration> holdAfter) {
    Integer taken =
        tx.execute(
            s -> {
              // the row lock (H2 and PostgreSQL alike) makes read, check and count one step
              Optional<Hold> hold =
                  jdbc.sql(
                          "SELECT failed_attempts, locked_until FROM users WHERE id = ? FOR UPDATE")
                      .param(id)
                      .query(
                          (rs, n) ->
                              new Hold(
                                  rs.getInt("failed_attempts"),
                                  rs.getObject("locked_until", OffsetDateTime.class)))
                      .optional();
              if (hold.isEmpty()
                  || hold.get().until() != null && hold.get().until().toInstant().isAfter(now)) {
                return null;
              }
              int failures = hold.get().failures();
              int attempt = failures >= maxFailures ? 1 : failures + 1;
              // the status condition keeps an administrator's DISABLED from turning into LOCKED
              String status =
                  attempt >= maxFailures
                      ? ", status = CASE WHEN status = 'ENABLED' THEN 'LOCKED' ELSE status END"
                      : "";
              Duration wait = holdAfter.apply(attempt);
              if (wait.isZero()) {
                // NULL, not "now": a database that rounds the instant up would hold back
                jdbc.sql("UPDATE users SET failed_attempts = ?, locked_until = NULL WHERE id = ?")
                    .params(attempt, id)
                    .update();
              } else {
                jdbc.sql(
                        "UPDATE users SET failed_attempts = ?, locked_until = ?"
                            + status
                            + " WHERE id = ?")
                    .params(attempt, utc(now.plus(wait)), id)
                    .update();
              }
              return attempt;
            });
    return taken == null ? OptionalInt.empty() : OptionalInt.of(taken);
  }

  private record Hold(int failures, @Nullable OffsetDateTime until) {}

  @Override
  public void passwordAccepted(long id) {
    jdbc.sql(
            "UPDATE users SET failed_attempts = 0, locked_until = NULL,"
                + " status = CASE WHEN status = 'LOCKED' THEN 'ENABLED' ELSE status END"
                + " WHERE id = ?")
        .param(id)
        .update();
  }

  /**
   * In a transaction of its own: it is called after another transaction committed, when that one's
   * connection may still be bound to the thread and would never commit this write.
   */
  @Override
  public long touchSessions(long id) {
    Long version =
        ownTx.execute(
            s -> {
              jdbc.sql("UPDATE users SET session_version = session_version + 1 WHERE id = ?")
                  .param(id)
                  .update();
              return jdbc.sql("SELECT session_version FROM users WHERE id = ?")
                  .param(id)
                  .query(Long.class)
                  .optional()
                  .orElse(0L);
            });
    return version == null ? 0 : version;
  }

  @Override
  public void changePasswordHash(long id, String hash) {
    jdbc.sql(
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
                + " session_epoch = session_epoch + 1,"
                + " status = CASE WHEN status = 'LOCKED' THEN 'ENABLED' ELSE status END"
                + " WHERE id = ?")
        .params(hash, id)
        .update();
  }

  long insert(NewUserRow row) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO users (organization_id, username, display_name, mobile, password_hash,"
                + " status, failed_attempts, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'ENABLED', 0, ?, ?)")
        .params(
            row.organizationId(),
            row.username(),
            row.displayName(),
            row.mobile(),
            row.passwordHash(),
            row.createdBy(),
            utc(row.at()))
        .update(key, "id");
    long id = key.getKey().longValue();
    setRoles(id, row.roles());
    if (row.organizationId() != null) {
      // the CA listings keep an organisation's totals until its listing version moves (V21_1)
      jdbc.sql("UPDATE organizations SET listing_version = listing_version + 1 WHERE id = ?")
          .param(row.organizationId())
          .update();
    }
    return id;
  }

  void update(long id, String displayName, String mobile, Set<Role> roles) {
    // the CA用户管理 listing filters on 用户名称 and nodes keep it per listing version (V21_1):
    // a rename moves the version on in this transaction. Before the users row, in the order a
    // bind takes the same two locks (organisation, then user).
    jdbc.sql(
            "UPDATE organizations SET listing_version = listing_version + 1 WHERE id ="
                + " (SELECT organization_id FROM users WHERE id = ? AND display_name <> ?)")
        .params(id, displayName)
        .update();
    jdbc.sql("UPDATE users SET display_name = ?, mobile = ? WHERE id = ?")
        .params(displayName, mobile, id)
        .update();
    setRoles(id, roles);
  }

  void setStatus(long id, UserStatus status) {
    // disabling ends the open sessions for good, even if the user is enabled again before their
    // next request
    String epoch = status == UserStatus.DISABLED ? ", session_epoch = session_epoch + 1" : "";
    jdbc.sql(
            "UPDATE users SET status = ?, failed_attempts = 0, locked_until = NULL"
                + epoch
                + " WHERE id = ?")
        .params(status.name(), id)
        .update();
  }

  boolean usernameTaken(String username) {
    return count("username = ?", username) > 0;
  }

  boolean mobileTaken(String mobile, long exceptId) {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE mobile = ? AND id <> ?")
            .params(mobile, exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** One page of users, newest first; {@code organizationId} null means every organisation. */
  Page page(@Nullable Long organizationId, String name, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (organizationId != null) {
      where.append(" AND organization_id = ?");
      params.add(organizationId);
    }
    if (!name.isBlank()) {
      where.append(" AND (display_name LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\')");
      String like = "%" + name.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%";
      params.add(like);
      params.add(like);
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM users" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) (page - 1) * size);
    List<User> items =
        jdbc
            .sql("SELECT " + COLUMNS + " FROM users" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(this::row)
            .list()
            .stream()
            .map(this::withRoles)
            .toList();
    return new Page(total, items);
  }

  record Page(long total, List<User> items) {}

  record NewUserRow(
      @Nullable Long organizationId,
      String username,
      String displayName,
      String mobile,
      String passwordHash,
      Set<Role> roles,
      String createdBy,
      Instant at) {}

  private void setRoles(long id, Set<Role> roles) {
    jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(id).update();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
          .params(id, role.name())
          .update();
    }
  }

  private long count(String condition, Object value) {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE " + condition)
        .param(value)
        .query(Long.class)
        .single();
  }

  /**
   * The user and its roles in one statement (one row per role, one row with no role for a user
   * without any): every login asks this, and a second round trip for the roles cost as much as the
   * user's row.
   */
  private Optional<User> one(String condition, Object value) {
    List<User> found = new ArrayList<>();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql(
            "SELECT "
                + JOINED
                + ", r.role FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u."
                + condition)
        .param(value)
        .query(
            rs -> {
              long id = rs.getLong("id");
              if (found.isEmpty()) {
                found.add(row(rs, 0));
              } else if (found.get(0).id() != id) {
                throw new IncorrectResultSizeDataAccessException(1);
              }
              String role = rs.getString("role");
              if (role != null) {
                roles.add(Role.valueOf(role));
              }
            });
    return found.stream().findFirst().map(u -> withRoles(u, Set.copyOf(roles)));
  }

  private Set<Role> roles(long id) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM user_roles WHERE user_id = ?")
        .param(id)
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return Set.copyOf(roles);
  }

  /**
   * Adds the roles once the users' result set is closed: querying them from inside the row mapper
   * would need a second pooled connection while the first is held, and under load (all connections
   * held by such readers) the pool deadlocks until its timeout.
   */
  private User withRoles(User u) {
    return withRoles(u, roles(u.id()));
  }

  private static User withRoles(User u, Set<Role> roles) {
    return new User(
        u.id(),
        u.organizationId(),
        u.username(),
        u.displayName(),
        u.mobile(),
        u.status(),
        roles,
        u.failedAttempts(),
        u.lockedUntil(),
        u.createdBy(),
        u.createdAt(),
        u.sessionVersion(),
        u.sessionEpoch());
  }

  /** A user without roles: see {@link #withRoles}. */
  private User row(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    long org = rs.getLong("organization_id");
    Long organization = rs.wasNull() ? null : org;
    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
    return new User(
        id,
        organization,
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("mobile"),
        UserStatus.valueOf(rs.getString("status")),
        Set.of(),
        rs.getInt("failed_attempts"),
        locked == null ? null : locked.toInstant(),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getLong("session_version"),
        rs.getLong("session_epoch"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
