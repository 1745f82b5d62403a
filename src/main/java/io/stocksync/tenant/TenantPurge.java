package io.stocksync.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The statements that purge a tenant's rows: one bounded batch of one table per transaction, so a tenant of any
 * size never holds locks or a transaction for long. Progress is the data itself (a deleted row does not come
 * back), so there is no checkpoint to keep: running a batch again after a crash simply deletes the next rows.
 */
@ApplicationScoped
public class TenantPurge {

  /**
   * Tables holding tenant rows, children before parents, so that each batch satisfies the foreign keys. Not
   * guardian_run: the Guardian's history purge deletes a deleted tenant's runs after their job instances and job
   * logs in Liberty's repository, which it finds through them (io.stocksync.guardian.history).
   */
  static final List<String> TABLES = List.of("product_import_row", "product_import", "guardian_observation",
      "sync_event", "alert_notification_attempt", "alert_notification", "alert", "stock_movement",
      "webhook_delivery", "channel_mapping", "product", "channel", "audit_entry", "api_rate_window",
      "webhook_rate_window", "idempotency_key");

  /** The tenant's own record of its deletion stays with the tombstone. */
  static final String KEPT_AUDIT = "action NOT IN ('tenant.delete', 'tenant.purged')";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** Deletes at most {@code limit} of the tenant's rows of one table, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int deleteBatch(String table, UUID tenantId, int limit) {
    // ctid: one physical-row key for every table, including those without a single-column key.
    return em.createNativeQuery("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table
            + " WHERE " + owner(table) + " LIMIT ?))")
        .setParameter(1, key(table, tenantId))
        .setParameter(2, limit)
        .executeUpdate();
  }

  /** Whether any of the tenant's rows is left in any table (run under the tenant's row lock). */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean anyLeft(UUID tenantId) {
    for (String table : TABLES) {
      var found = em.createNativeQuery("SELECT 1 FROM " + table + " WHERE " + owner(table) + " LIMIT 1")
          .setParameter(1, key(table, tenantId))
          .getResultList();
      if (!found.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String owner(String table) {
    return switch (table) {
      case "idempotency_key" -> "scope = ?";
      case "audit_entry" -> "tenant_id = ? AND " + KEPT_AUDIT;
      default -> "tenant_id = ?";
    };
  }

  private static Object key(String table, UUID tenantId) {
    return "idempotency_key".equals(table) ? tenantId.toString() : tenantId;
  }
}
