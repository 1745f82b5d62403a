package io.stocksync.teststack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** One-statement reads and writes on the test database, for fixtures and for checking what a test did. */
public final class Sql {

  private Sql() {}

  /** The first column of the first row as a number (a count). */
  public static long count(String sql, Object... args) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = bound(c, sql, args); var rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The first column of the first row as text, or null if there is no row. */
  public static String text(String sql, Object... args) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = bound(c, sql, args); var rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public static void update(String sql, Object... args) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = bound(c, sql, args)) {
      ps.executeUpdate();
    }
  }

  /** A 36-character string argument is bound as a uuid. */
  private static PreparedStatement bound(Connection c, String sql, Object... args) throws SQLException {
    var ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i] instanceof String s && s.length() == 36 ? UUID.fromString(s) : args[i]);
    }
    return ps;
  }
}
