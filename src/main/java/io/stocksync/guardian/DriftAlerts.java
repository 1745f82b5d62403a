package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * DRIFT alerts, one open alert per mapping: raising is an insert that conflicts with the open one (so a re-read
 * chunk or the next run raises nothing twice); a mapping found in sync or repaired resolves its open alert.
 */
@ApplicationScoped
public class DriftAlerts {

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  static String key(UUID mappingId) {
    return "DRIFT:" + mappingId;
  }

  public void raise(UUID tenantId, UUID channelId, List<DriftCheck> checks, int threshold) {
    if (checks.isEmpty()) {
      return;
    }
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement("INSERT INTO alert (id, tenant_id, type,"
        + " severity, status, dedupe_key, product_id, channel_id, message) VALUES (?, ?, 'DRIFT', 'WARNING', 'OPEN',"
        + " ?, ?, ?, ?) ON CONFLICT (tenant_id, dedupe_key) WHERE status <> 'RESOLVED' DO NOTHING")) {
      for (var check : checks) {
        ps.setObject(1, UUID.randomUUID());
        ps.setObject(2, tenantId);
        ps.setString(3, key(check.mapping().mappingId()));
        ps.setObject(4, check.mapping().productId());
        ps.setObject(5, channelId);
        ps.setString(6, "channel item " + check.mapping().externalId() + " shows " + check.observed()
            + ", expected " + check.expected() + " (drift " + check.drift() + ", beyond the threshold of "
            + threshold + "): left for a human");
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  public void resolve(UUID tenantId, Collection<UUID> mappingIds) {
    if (mappingIds.isEmpty()) {
      return;
    }
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "UPDATE alert SET status = 'RESOLVED',"
        + " resolved_at = now() WHERE tenant_id = ? AND dedupe_key = ANY (?) AND status <> 'RESOLVED'", tenantId,
        c.createArrayOf("text", mappingIds.stream().map(DriftAlerts::key).toArray()))) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }
}
