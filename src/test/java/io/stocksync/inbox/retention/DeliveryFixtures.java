package io.stocksync.inbox.retention;

import io.stocksync.teststack.TestStack;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Seeds and counts webhook deliveries directly in PostgreSQL for the purge job's tests. */
final class DeliveryFixtures {

  private DeliveryFixtures() {}

  /** Inserts {@code count} deliveries of the given outcome received {@code age} ago, tagged for counting. */
  static void seed(String tag, int count, String outcome, Duration age) throws SQLException {
    try (var c = TestStack.jdbc();
        var ps = c.prepareStatement("INSERT INTO webhook_delivery (channel_type, topic, outcome, received_at, body)"
            + " SELECT 'GENERIC', ?, ?, ?::timestamptz, convert_to('{}', 'UTF8') FROM generate_series(1, ?)")) {
      ps.setString(1, tag);
      ps.setString(2, outcome);
      ps.setString(3, Instant.now().minus(age).toString());
      ps.setInt(4, count);
      ps.executeUpdate();
    }
  }

  static int count(String tag) throws SQLException {
    try (var c = TestStack.jdbc();
        var ps = c.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE topic = ?")) {
      ps.setString(1, tag);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static int count(String tag, String outcome) throws SQLException {
    try (var c = TestStack.jdbc();
        var ps = c.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE topic = ? AND outcome = ?")) {
      ps.setString(1, tag);
      ps.setString(2, outcome);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
