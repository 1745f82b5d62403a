package io.stocksync.alert;

import io.stocksync.catalog.OnHandMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * LOW_STOCK when on-hand falls to the product's threshold (or the tenant's default) or below; resolved when it
 * is back above. Runs in the transaction that moved the stock, so the alert and the movement commit together.
 */
@ApplicationScoped
public class LowStockWatch {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  AlertStore alerts;

  void onMoved(@Observes OnHandMoved moved) {
    Number threshold = (Number) em.createNativeQuery("SELECT COALESCE(p.low_stock_threshold,"
            + " t.default_low_stock_threshold) FROM product p JOIN tenant t ON t.id = p.tenant_id"
            + " WHERE p.id = ? AND p.tenant_id = ?")
        .setParameter(1, moved.productId()).setParameter(2, moved.tenantId()).getSingleResult();
    long limit = threshold.longValue();
    String key = "low-stock:" + moved.productId();
    if (moved.after() <= limit && moved.before() > limit) {
      alerts.raise(moved.tenantId(), AlertType.LOW_STOCK, moved.after() <= 0 ? "CRITICAL" : "WARNING", key,
          moved.productId(), null, "on-hand " + moved.after() + " is at or below the threshold " + limit);
    } else if (moved.after() > limit && moved.before() <= limit) {
      alerts.resolve(moved.tenantId(), key);
    }
  }
}
