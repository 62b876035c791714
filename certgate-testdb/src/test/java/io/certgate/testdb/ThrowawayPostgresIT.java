package io.certgate.testdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrowawayPostgresIT {
  @TempDir Path parent;

  @BeforeAll
  static void needsPostgres() {
    assumeTrue(ThrowawayPostgres.available(), "PostgreSQL 15 server binaries are not installed");
  }

  private static String setting(ThrowawayPostgres pg, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
        ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void startsWithDurabilityOffAndTheGivenSettingsThenStopsStartsAndDeletesItself()
      throws Exception {
    if (!Files.exists(parent)) {
      Files.createDirectories(parent);
    }
    // as root the folder is handed to the postgres user, so it must be able to reach it
    parent.toFile().setExecutable(true, false);
    ThrowawayPostgres pg = ThrowawayPostgres.create(parent, List.of("work_mem=8MB"));
    assertThat(setting(pg, "fsync")).isEqualTo("off");
    assertThat(setting(pg, "work_mem")).isEqualTo("8MB");
    assertThat(setting(pg, "server_encoding")).isEqualTo("UTF8");
    assertThat(pg.postmasterPid()).isPositive();

    pg.stop();
    assertThatThrownBy(() -> setting(pg, "fsync")).isInstanceOf(SQLException.class);
    pg.start();
    assertThat(setting(pg, "fsync")).isEqualTo("off");

    pg.close();
    try (var left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void refusesASettingThatIsNotNameEqualsValue() {
    assertThatThrownBy(() -> ThrowawayPostgres.create(parent, List.of("fsync=on -c x=1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
