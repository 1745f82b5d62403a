package io.stocksync.catalog;

import io.stocksync.catalog.CatalogViews.ChannelStock;
import io.stocksync.catalog.CatalogViews.ProductStock;
import io.stocksync.platform.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Read models of stock: a product's level per channel. */
@ApplicationScoped
public class StockQueries {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  ProductRepository products;

  @SuppressWarnings("unchecked")
  public ProductStock of(UUID tenantId, UUID productId) {
    var product = products.get(tenantId, productId);
    List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.type, c.display_name, m.id, m.external_id,"
            + " c.buffer_stock, m.last_pushed_level, m.last_pushed_at, m.last_reported_level, m.last_reported_at"
            + " FROM channel_mapping m JOIN channel c ON c.id = m.channel_id AND c.tenant_id = m.tenant_id"
            + " WHERE m.tenant_id = ? AND m.product_id = ? ORDER BY c.display_name, c.id")
        .setParameter(1, tenantId).setParameter(2, productId)
        .getResultList();
    var channels = rows.stream().map(r -> {
      int buffer = ((Number) r[5]).intValue();
      return new ChannelStock((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4], buffer,
          ExpectedLevel.of(product.onHand(), buffer), toLong(r[6]), SqlTimes.utc(r[7]), toLong(r[8]),
          SqlTimes.utc(r[9]));
    }).toList();
    return new ProductStock(product.id(), product.sku(), product.onHand(), channels);
  }

  private static Long toLong(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
