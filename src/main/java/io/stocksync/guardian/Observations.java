package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The first of the two reads an upward correction needs: what the channel showed when it was below expected. The
 * next read that agrees makes it believed; any other outcome forgets it. Written in the chunk's transaction.
 */
@ApplicationScoped
public class Observations {

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  public void remember(UUID tenantId, UUID runId, List<DriftCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement("INSERT INTO guardian_observation"
        + " (mapping_id, tenant_id, level, run_id) VALUES (?, ?, ?, ?) ON CONFLICT (mapping_id) DO UPDATE SET"
        + " level = EXCLUDED.level, run_id = EXCLUDED.run_id, observed_at = now()")) {
      for (var check : checks) {
        ps.setObject(1, check.mapping().mappingId());
        ps.setObject(2, tenantId);
        ps.setLong(3, check.observed());
        ps.setObject(4, runId);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }

  public void forget(UUID tenantId, Collection<UUID> mappingIds) {
    if (mappingIds.isEmpty()) {
      return;
    }
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, "DELETE FROM guardian_observation"
        + " WHERE tenant_id = ? AND mapping_id = ANY (?)", tenantId, c.createArrayOf("uuid", mappingIds.toArray()))) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }
}
