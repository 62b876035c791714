package io.certgate.loadgen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The usual bulk-load step: a table's plain indexes (not those of primary keys or unique
 * constraints, which keep checking every copied row) are dropped before COPY and built again
 * afterwards from their own definitions, read from {@code pg_indexes}. Building an index over a
 * million sorted rows at once is several times cheaper than a million single insertions, and the
 * definitions stay whatever the migrations made them.
 */
final class SecondaryIndexes {
  private final List<String> definitions;

  private SecondaryIndexes(List<String> definitions) {
    this.definitions = definitions;
  }

  /** Drops the plain indexes of {@code tables} and remembers how to build them again. */
  static SecondaryIndexes drop(Connection db, List<String> tables) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> definitions = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = ANY (?) AND indexname NOT IN"
                + " (SELECT conname FROM pg_constraint)")) {
      s.setArray(1, db.createArrayOf("text", tables.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          definitions.add(rs.getString(2));
        }
      }
    }
    try (Statement s = db.createStatement()) {
      for (String name : names) {
        s.execute("DROP INDEX \"" + name + "\"");
      }
    }
    return new SecondaryIndexes(definitions);
  }

  /** Builds the dropped indexes again; returns how many. */
  int rebuild(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("SET maintenance_work_mem = '256MB'");
      for (String definition : definitions) {
        s.execute(definition);
      }
    }
    return definitions.size();
  }
}
