package io.certgate.loadgen;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with PostgreSQL's {@code COPY … FROM STDIN} (text format), in chunks
 * of about a megabyte: one round trip per chunk instead of one per row.
 */
final class CopyRows implements AutoCloseable {
  private static final int CHUNK = 1 << 20;

  private final CopyIn copy;
  private final StringBuilder rows = new StringBuilder(CHUNK + 4096);
  private long count;

  private CopyRows(CopyIn copy) {
    this.copy = copy;
  }

  /** Starts {@code COPY table (columns) FROM STDIN}. */
  static CopyRows into(Connection db, String table, String columns) throws SQLException {
    String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    return new CopyRows(db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
  }

  /** Adds one row; {@code null} values are written as SQL NULL. */
  void row(@Nullable Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        rows.append('\t');
      }
      if (values[i] == null) {
        rows.append("\\N");
      } else {
        appendEscaped(values[i].toString());
      }
    }
    rows.append('\n');
    count++;
    if (rows.length() >= CHUNK) {
      flush();
    }
  }

  /** COPY text format: backslash, tab, newline and carriage return are escaped. */
  private void appendEscaped(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(c);
      }
    }
  }

  long count() {
    return count;
  }

  private void flush() throws SQLException {
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    rows.setLength(0);
  }

  /** Sends what is left and ends the COPY; returns the rows the server took. */
  long finish() throws SQLException {
    flush();
    return copy.endCopy();
  }

  @Override
  public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
