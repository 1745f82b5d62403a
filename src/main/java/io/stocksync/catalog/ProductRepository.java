package io.stocksync.catalog;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products, always within one tenant: another tenant's product is simply not found. */
@ApplicationScoped
public class ProductRepository {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public Optional<Product> find(UUID tenantId, UUID id) {
    return em.createQuery("SELECT p FROM Product p WHERE p.tenantId = :t AND p.id = :id", Product.class)
        .setParameter("t", tenantId).setParameter("id", id)
        .getResultStream().findFirst();
  }

  public Product get(UUID tenantId, UUID id) {
    return find(tenantId, id).orElseThrow(() -> ProblemException.notFound("product", id));
  }

  public Product getBySku(UUID tenantId, String sku) {
    return em.createQuery("SELECT p FROM Product p WHERE p.tenantId = :t AND p.sku = :sku", Product.class)
        .setParameter("t", tenantId).setParameter("sku", sku)
        .getResultStream().findFirst()
        .orElseThrow(() -> new ProblemException(404, "Not found", "no product has this SKU"));
  }

  public boolean skuTaken(UUID tenantId, String sku) {
    return !em.createQuery("SELECT p.id FROM Product p WHERE p.tenantId = :t AND p.sku = :sku", UUID.class)
        .setParameter("t", tenantId).setParameter("sku", sku).setMaxResults(1).getResultList().isEmpty();
  }

  public long count(UUID tenantId) {
    return em.createQuery("SELECT count(p) FROM Product p WHERE p.tenantId = :t", Long.class)
        .setParameter("t", tenantId).getSingleResult();
  }

  /** A page in SKU order (SKUs are unique per tenant, so the SKU is the key). */
  public List<Product> page(UUID tenantId, PageRequest page, ProductFilter filter, int defaultLowStock) {
    var jpql = new StringBuilder("SELECT p FROM Product p WHERE p.tenantId = :t AND p.sku > :after");
    if (filter.skuPrefix() != null) {
      jpql.append(" AND p.sku LIKE :prefix ESCAPE '\\'");
    }
    if (filter.lowStockOnly()) {
      jpql.append(" AND p.onHand <= COALESCE(p.lowStockThreshold, :defaultLow)");
    }
    if (filter.channelId() != null) {
      jpql.append(" AND EXISTS (SELECT m.id FROM ChannelMapping m WHERE m.tenantId = :t AND m.productId = p.id"
          + " AND m.channelId = :channel)");
    }
    var q = em.createQuery(jpql.append(" ORDER BY p.sku").toString(), Product.class)
        .setParameter("t", tenantId)
        .setParameter("after", page.after().orElse(""))
        .setMaxResults(page.fetchSize());
    if (filter.skuPrefix() != null) {
      q.setParameter("prefix", filter.skuPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (filter.lowStockOnly()) {
      q.setParameter("defaultLow", (long) defaultLowStock);
    }
    if (filter.channelId() != null) {
      q.setParameter("channel", filter.channelId());
    }
    return q.getResultList();
  }

  public List<StockMovement> movements(UUID tenantId, UUID productId, PageRequest page) {
    return em.createQuery("SELECT m FROM StockMovement m WHERE m.tenantId = :t AND m.productId = :p"
            + " AND m.id < :before ORDER BY m.id DESC", StockMovement.class)
        .setParameter("t", tenantId).setParameter("p", productId)
        .setParameter("before", page.afterLong().orElse(Long.MAX_VALUE))
        .setMaxResults(page.fetchSize())
        .getResultList();
  }

  public void add(Product p) {
    em.persist(p);
  }

  /** Removes a product with its mappings, ledger and sync history (the audit trail keeps the record). */
  public void remove(Product p) {
    for (String table : List.of("sync_event WHERE mapping_id IN (SELECT id FROM channel_mapping WHERE"
        + " tenant_id = ?1 AND product_id = ?2)", "alert_notification_attempt WHERE notification_id IN (SELECT n.id"
        + " FROM alert_notification n JOIN alert a ON a.id = n.alert_id WHERE a.tenant_id = ?1 AND a.product_id = ?2)",
        "alert_notification WHERE alert_id IN (SELECT id FROM alert WHERE tenant_id = ?1 AND product_id = ?2)",
        "alert WHERE tenant_id = ?1 AND product_id = ?2",
        "channel_mapping WHERE tenant_id = ?1 AND product_id = ?2",
        "stock_movement WHERE tenant_id = ?1 AND product_id = ?2")) {
      em.createNativeQuery("DELETE FROM " + table).setParameter(1, p.tenantId()).setParameter(2, p.id())
          .executeUpdate();
    }
    em.remove(p);
  }
}
