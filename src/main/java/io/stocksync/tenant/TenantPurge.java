package io.stocksync.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes every row a tenant owns, children before parents, in the caller's transaction. Answers the number of
 * rows removed per table (recorded in the audit trail).
 */
@ApplicationScoped
public class TenantPurge {

  /** Tables holding tenant rows, in an order that respects foreign keys. */
  private static final List<String> TABLES = List.of("guardian_observation", "guardian_run", "sync_event", "alert",
      "stock_movement", "webhook_delivery", "channel_mapping", "product", "channel", "audit_entry",
      "api_rate_window");

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Integer> purge(UUID tenantId) {
    var removed = new LinkedHashMap<String, Integer>();
    for (String table : TABLES) {
      int n = em.createNativeQuery("DELETE FROM " + table + " WHERE tenant_id = ?")
          .setParameter(1, tenantId)
          .executeUpdate();
      removed.put(table, n);
    }
    removed.put("idempotency_key", em.createNativeQuery("DELETE FROM idempotency_key WHERE scope = ?")
        .setParameter(1, tenantId.toString())
        .executeUpdate());
    return removed;
  }
}
