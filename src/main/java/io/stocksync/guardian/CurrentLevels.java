package io.stocksync.guardian;

import io.stocksync.catalog.ExpectedLevel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The expected level of mappings right now, read just before acting: on-hand may have moved since the page was
 * read (an order came in), and a mapping Sync is about to push is Sync's to settle, not the Guardian's.
 */
@ApplicationScoped
public class CurrentLevels {

  /** expected = max(0, on-hand - buffer) now; syncPending = Sync has a push waiting for this mapping. */
  public record Current(long expected, boolean syncPending) {}

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  public Map<UUID, Current> of(UUID tenantId, Collection<UUID> mappingIds) {
    var current = new HashMap<UUID, Current>();
    if (mappingIds.isEmpty()) {
      return current;
    }
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "SELECT m.id, p.on_hand,"
        + " c.buffer_stock, m.push_requested_at IS NOT NULL FROM channel_mapping m JOIN product p ON p.id ="
        + " m.product_id JOIN channel c ON c.id = m.channel_id WHERE m.tenant_id = ? AND m.id = ANY (?)", tenantId,
        c.createArrayOf("uuid", mappingIds.toArray())); var rs = ps.executeQuery()) {
      while (rs.next()) {
        current.put(rs.getObject(1, UUID.class),
            new Current(ExpectedLevel.of(rs.getLong(2), rs.getInt(3)), rs.getBoolean(4)));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return current;
  }
}
