package io.stocksync.alert;

import io.stocksync.catalog.OnHandMoved;
import io.stocksync.catalog.Product;
import io.stocksync.tenant.TenantRepository;
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

  @Inject
  TenantRepository tenants;

  void onMoved(@Observes OnHandMoved moved) {
    long limit = threshold(moved);
    String key = "low-stock:" + moved.productId();
    if (moved.after() <= limit && moved.before() > limit) {
      alerts.raise(moved.tenantId(), AlertType.LOW_STOCK, moved.after() <= 0 ? "CRITICAL" : "WARNING", key,
          moved.productId(), null, "on-hand " + moved.after() + " is at or below the threshold " + limit);
    } else if (moved.after() > limit && moved.before() <= limit) {
      alerts.resolve(moved.tenantId(), key);
    }
  }

  /**
   * The product's threshold, else its tenant's default. Both rows are already in the persistence context of the
   * transaction that moved the stock (the ledger locked the product, the Watcher read the tenant), so this costs
   * no query on the webhook path, where it runs once per movement.
   */
  private long threshold(OnHandMoved moved) {
    var product = em.find(Product.class, moved.productId());
    if (product != null && product.lowStockThreshold() != null) {
      return product.lowStockThreshold();
    }
    return tenants.get(moved.tenantId()).settings().defaultLowStockThreshold();
  }
}
