package io.stocksync.platform.persistence;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A PostgreSQL array literal to bind as one string parameter and cast in the statement
 * ({@code ANY (CAST(? AS uuid[]))}): native queries through the persistence context cannot bind a JDBC array.
 */
public final class PgArray {

  private PgArray() {}

  /** Every element quoted (backslashes and quotes escaped), null elements as NULL. */
  public static String literal(Collection<?> values) {
    return values.stream().map(PgArray::element).collect(Collectors.joining(",", "{", "}"));
  }

  private static String element(Object value) {
    if (value == null) {
      return "NULL";
    }
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
