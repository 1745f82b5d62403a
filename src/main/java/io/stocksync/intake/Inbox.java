package io.stocksync.intake;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The webhook inbox. Each write commits on its own (auto-commit) before the vendor gets its answer, so an
 * accepted delivery is durable when we say so. De-duplication is one atomic insert on (channel, vendor id):
 * simultaneous duplicates cannot both get in.
 */
@ApplicationScoped
public class Inbox {

  private static final String ACCEPT = "INSERT INTO webhook_delivery (tenant_id, channel_id, channel_type,"
      + " dedupe_key, topic, outcome, request_id, body, headers) VALUES (?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?)"
      + " ON CONFLICT (channel_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id";
  private static final String RECORD = "INSERT INTO webhook_delivery (tenant_id, channel_id, channel_type,"
      + " topic, outcome, reject_reason, request_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource dataSource;

  /** Records an accepted delivery; answers its id, or empty when the vendor already delivered this event. */
  public OptionalLong accept(ChannelDirectory.Entry channel, String dedupeKey, String topic, String requestId,
      byte[] body, String headersJson) throws SQLException {
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement(ACCEPT)) {
      ps.setObject(1, channel.tenantId());
      ps.setObject(2, channel.channelId());
      ps.setString(3, channel.type().name());
      ps.setString(4, dedupeKey);
      ps.setString(5, topic);
      ps.setString(6, requestId);
      ps.setBytes(7, body);
      ps.setString(8, headersJson);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** Records a delivery that was not accepted (or a duplicate), with why. Nothing of it is processed. */
  public void record(UUID tenantId, UUID channelId, String channelType, String topic, String outcome,
      String reason, String requestId, byte[] body) throws SQLException {
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement(RECORD)) {
      ps.setObject(1, tenantId);
      ps.setObject(2, channelId);
      ps.setString(3, channelType);
      ps.setString(4, topic);
      ps.setString(5, outcome);
      ps.setString(6, reason);
      ps.setString(7, requestId);
      ps.setBytes(8, body);
      ps.executeUpdate();
    }
  }

  /** The same record for deliveries whose channel is unknown. */
  public void recordUnknownChannel(String channelRef, String requestId, byte[] body) throws SQLException {
    record(null, null, "UNKNOWN", null, "REJECTED", "unknown channel " + channelRef, requestId,
        body);
  }
}
