package io.stocksync.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Idempotency keys in PostgreSQL, committed on their own (auto-commit): claiming a key is one atomic insert, so
 * two simultaneous requests with the same key cannot both run.
 */
@ApplicationScoped
public class IdempotencyStore {

  /** A key already seen: the hash of its request and, once finished, its response. */
  public record Seen(String requestHash, Integer status, byte[] body) {}

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource dataSource;

  /** True when this call claimed the key; false when it was already there. */
  public boolean claim(String scope, String key, String requestHash) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?, ?, ?)"
            + " ON CONFLICT (scope, key) DO NOTHING")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      ps.setString(3, requestHash);
      return ps.executeUpdate() == 1;
    }
  }

  public Optional<Seen> find(String scope, String key) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("SELECT request_hash, response_status, response_body FROM idempotency_key"
            + " WHERE scope = ? AND key = ?")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int status = rs.getInt(2);
        Integer finished = rs.wasNull() ? null : status;
        return Optional.of(new Seen(rs.getString(1), finished, rs.getBytes(3)));
      }
    }
  }

  public void complete(String scope, String key, int status, byte[] body) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("UPDATE idempotency_key SET response_status = ?, response_body = ?"
            + " WHERE scope = ? AND key = ?")) {
      ps.setInt(1, status);
      ps.setBytes(2, body);
      ps.setString(3, scope);
      ps.setString(4, key);
      ps.executeUpdate();
    }
  }

  /** Releases a key whose request failed on our side, so the client may retry with it. */
  public void release(String scope, String key) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("DELETE FROM idempotency_key WHERE scope = ? AND key = ?"
            + " AND response_status IS NULL")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }
}
