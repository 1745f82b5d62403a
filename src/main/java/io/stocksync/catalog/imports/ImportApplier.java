package io.stocksync.catalog.imports;

import io.stocksync.catalog.CatalogViews.ProductView;
import io.stocksync.catalog.MovementReason;
import io.stocksync.catalog.MovementSource;
import io.stocksync.catalog.Product;
import io.stocksync.catalog.ProductRepository;
import io.stocksync.catalog.StockChanged;
import io.stocksync.catalog.StockLedger;
import io.stocksync.platform.audit.AuditLog;
import io.stocksync.tenant.TenantStatus;
import io.stocksync.tenant.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a chunk of import rows in the chunk's transaction. Rows an earlier execution already applied (their
 * outcome is recorded) are skipped, so a chunk read again after a restart changes nothing twice. The tenant's row
 * (for the product quota) and the chunk's products (in SKU order) are locked before anything changes.
 */
@ApplicationScoped
public class ImportApplier {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  ImportStore store;

  @Inject
  ProductRepository products;

  @Inject
  StockLedger ledger;

  @Inject
  AuditLog audit;

  @Inject
  Event<StockChanged> stockChanged;

  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(ImportRef ref, List<ImportRow> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    Set<Integer> done = new HashSet<>(store.applied(ref.importId(), chunk.get(0).rowNumber(),
        chunk.get(chunk.size() - 1).rowNumber()));
    var rows = chunk.stream().filter(r -> !done.contains(r.rowNumber())).toList();
    if (rows.isEmpty()) {
      return;
    }
    var room = new ProductRoom(maxProducts(ref.tenantId()), products.count(ref.tenantId()));
    Map<String, Product> bySku = lockedProducts(ref.tenantId(), rows);
    Set<UUID> moved = new HashSet<>();
    for (var row : rows) {
      if (row.isRejected()) {
        store.record(ref, row, "REJECTED", row.rejection());
        continue;
      }
      var product = bySku.get(row.sku());
      if (product == null) {
        create(ref, row, room, bySku, moved);
      } else {
        update(ref, row, product, moved);
      }
    }
    if (!moved.isEmpty()) {
      stockChanged.fire(new StockChanged(ref.tenantId(), moved, null));
    }
  }

  private void create(ImportRef ref, ImportRow row, ProductRoom room, Map<String, Product> bySku, Set<UUID> moved) {
    if (row.name() == null) {
      store.record(ref, row, "REJECTED", "name is required for a new product");
      return;
    }
    if (!room.take()) {
      store.record(ref, row, "REJECTED", "the tenant's plan allows " + room.max + " products");
      return;
    }
    var product = new Product(ref.tenantId(), row.sku(), row.name(), row.lowStockThreshold());
    products.add(product);
    bySku.put(row.sku(), product);
    if (row.onHand() != null && row.onHand() != 0) {
      ledger.move(product, row.onHand(), MovementReason.IMPORT, source(ref, row));
      moved.add(product.id());
    }
    audit.recordAs(ref.requestedBy(), ref.requestId(), ref.tenantId(), "product.import", "product", product.id(),
        null, ProductView.of(product));
    store.record(ref, row, "CREATED", null);
  }

  private void update(ImportRef ref, ImportRow row, Product product, Set<UUID> moved) {
    var before = ProductView.of(product);
    boolean changed = false;
    if (row.name() != null && !row.name().equals(product.name())) {
      product.rename(row.name());
      changed = true;
    }
    if (row.lowStockThreshold() != null && !Objects.equals(row.lowStockThreshold(), product.lowStockThreshold())) {
      product.changeThreshold(row.lowStockThreshold());
      changed = true;
    }
    if (row.onHand() != null && row.onHand() != product.onHand()) {
      ledger.setTo(product, row.onHand(), MovementReason.IMPORT, source(ref, row));
      moved.add(product.id());
      changed = true;
    }
    if (changed) {
      audit.recordAs(ref.requestedBy(), ref.requestId(), ref.tenantId(), "product.import", "product", product.id(),
          before, ProductView.of(product));
    }
    store.record(ref, row, changed ? "UPDATED" : "UNCHANGED", null);
  }

  /**
   * The plan's product limit, under the tenant row's lock so that quota checks take turns. FOR NO KEY UPDATE, not
   * the FOR UPDATE of a JPA pessimistic lock: that would also block every insert referring to the tenant (foreign
   * keys take FOR KEY SHARE), the Watcher's among them, for as long as the chunk lasts.
   */
  private int maxProducts(UUID tenantId) {
    List<?> rows = em.createNativeQuery("SELECT tier, status FROM tenant WHERE id = ? FOR NO KEY UPDATE")
        .setParameter(1, tenantId).getResultList();
    if (rows.isEmpty() || !TenantStatus.valueOf((String) ((Object[]) rows.get(0))[1]).isLive()) {
      throw new IllegalStateException("tenant " + tenantId + " is gone or being deleted: the import stops");
    }
    return Tier.valueOf((String) ((Object[]) rows.get(0))[0]).maxProducts();
  }

  /** The chunk's existing products, locked in SKU order (the order every importer locks them in). */
  private Map<String, Product> lockedProducts(UUID tenantId, List<ImportRow> rows) {
    var skus = rows.stream().filter(r -> !r.isRejected()).map(ImportRow::sku).distinct().toList();
    Map<String, Product> bySku = new HashMap<>();
    if (skus.isEmpty()) {
      return bySku;
    }
    em.createQuery("SELECT p FROM Product p WHERE p.tenantId = :t AND p.sku IN :skus ORDER BY p.sku", Product.class)
        .setParameter("t", tenantId).setParameter("skus", skus)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList().forEach(p -> bySku.put(p.sku(), p));
    return bySku;
  }

  /** The ledger's correlation id names the import and the row, for whoever reads a product's movements. */
  private static MovementSource source(ImportRef ref, ImportRow row) {
    return MovementSource.manual("import " + ref.importId() + " row " + row.rowNumber());
  }

  /** How many more products the tenant's plan allows in this chunk. */
  private static final class ProductRoom {
    private final int max;
    private long count;

    ProductRoom(int max, long count) {
      this.max = max;
      this.count = count;
    }

    boolean take() {
      if (count >= max) {
        return false;
      }
      count++;
      return true;
    }
  }
}
