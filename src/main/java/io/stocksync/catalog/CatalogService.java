package io.stocksync.catalog;

import io.stocksync.catalog.CatalogViews.MappingView;
import io.stocksync.catalog.CatalogViews.MovementView;
import io.stocksync.catalog.CatalogViews.ProductView;
import io.stocksync.channel.ChannelRepository;
import io.stocksync.platform.audit.AuditLog;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.request.RequestId;
import io.stocksync.tenant.TenantQuota;
import io.stocksync.tenant.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Catalog use cases within one tenant; each one transaction with its audit entry. */
@ApplicationScoped
@Transactional
public class CatalogService {

  @Inject
  Event<StockChanged> stockChanged;

  @Inject
  ProductRepository products;

  @Inject
  MappingRepository mappings;

  @Inject
  ChannelRepository channels;

  @Inject
  StockLedger ledger;

  @Inject
  TenantQuota quota;

  @Inject
  AuditLog audit;

  public ProductView createProduct(UUID tenantId, CatalogRequests.CreateProduct r) {
    quota.requireRoom(tenantId, "products", products.count(tenantId), Tier::maxProducts);
    if (products.skuTaken(tenantId, r.sku())) {
      throw ProblemException.conflict("a product with SKU " + r.sku() + " already exists");
    }
    var product = new Product(tenantId, r.sku(), r.name(), r.lowStockThreshold());
    products.add(product);
    if (r.onHand() != null && r.onHand() != 0) {
      ledger.move(product, r.onHand(), MovementReason.MANUAL, MovementSource.manual(RequestId.current()));
    }
    var view = ProductView.of(product);
    audit.record(tenantId, "product.create", "product", product.id(), null, view);
    return view;
  }

  public ProductView updateProduct(UUID tenantId, UUID id, CatalogRequests.UpdateProduct r) {
    var product = products.get(tenantId, id);
    var before = ProductView.of(product);
    if (r.name() != null) {
      product.rename(r.name());
    }
    if (r.lowStockThreshold() != null) {
      product.changeThreshold(r.lowStockThreshold());
    }
    var after = ProductView.of(product);
    audit.record(tenantId, "product.update", "product", id, before, after);
    return after;
  }

  public void deleteProduct(UUID tenantId, UUID id) {
    var product = products.get(tenantId, id);
    var before = ProductView.of(product);
    products.remove(product);
    audit.record(tenantId, "product.delete", "product", id, before, null);
  }

  /** A manual stock adjustment: a MANUAL movement in the ledger. */
  public MovementView adjust(UUID tenantId, UUID productId, CatalogRequests.Adjustment r) {
    var product = products.get(tenantId, productId);
    var before = ProductView.of(product);
    long delta = r.delta() != null ? r.delta() : 0;
    var movement = r.setTo() == null
        ? ledger.move(product, delta, MovementReason.MANUAL, MovementSource.manual(RequestId.current()))
        : ledger.setTo(product, r.setTo(), MovementReason.MANUAL, MovementSource.manual(RequestId.current()));
    audit.record(tenantId, "product.adjust", "product", productId, before, ProductView.of(product));
    if (movement.delta() != 0) {
      stockChanged.fire(new StockChanged(tenantId, Set.of(productId), null));
    }
    return MovementView.of(movement);
  }

  public MappingView createMapping(UUID tenantId, CatalogRequests.CreateMapping r) {
    products.get(tenantId, r.productId());
    var type = channels.get(tenantId, r.channelId()).type();
    String externalId = type.canonicalId(r.externalId());
    String variantId = type.canonicalId(r.externalVariantId());
    if (mappings.exists(tenantId, r.productId(), r.channelId())) {
      throw ProblemException.conflict("product " + r.productId() + " is already mapped on channel " + r.channelId());
    }
    if (mappings.externalIdTaken(tenantId, r.channelId(), externalId)) {
      throw ProblemException.conflict("external id " + externalId + " is already mapped on this channel");
    }
    refuseTakenVariant(tenantId, r.channelId(), variantId, null);
    var mapping = new ChannelMapping(tenantId, r.productId(), r.channelId(), externalId,
        type.canonicalId(r.externalLocationId()), variantId);
    mappings.add(mapping);
    var view = MappingView.of(mapping);
    audit.record(tenantId, "mapping.create", "mapping", mapping.id(), null, view);
    return view;
  }

  public MappingView updateMapping(UUID tenantId, UUID id, CatalogRequests.UpdateMapping r) {
    var mapping = mappings.get(tenantId, id);
    var type = channels.get(tenantId, mapping.channelId()).type();
    String externalId = type.canonicalId(r.externalId());
    String variantId = type.canonicalId(r.externalVariantId());
    var before = MappingView.of(mapping);
    if (!externalId.equals(mapping.externalId())
        && mappings.externalIdTaken(tenantId, mapping.channelId(), externalId)) {
      throw ProblemException.conflict("external id " + externalId + " is already mapped on this channel");
    }
    refuseTakenVariant(tenantId, mapping.channelId(), variantId, id);
    mapping.relink(externalId, type.canonicalId(r.externalLocationId()), variantId);
    var after = MappingView.of(mapping);
    audit.record(tenantId, "mapping.update", "mapping", id, before, after);
    return after;
  }

  /** An order line naming a variant must lead to one product: a variant id is mapped once per channel. */
  private void refuseTakenVariant(UUID tenantId, UUID channelId, String variantId, UUID exceptMapping) {
    if (variantId != null && mappings.variantTaken(tenantId, channelId, variantId, exceptMapping)) {
      throw ProblemException.conflict("variant id " + variantId + " is already mapped on this channel");
    }
  }

  public void deleteMapping(UUID tenantId, UUID id) {
    var mapping = mappings.get(tenantId, id);
    var before = MappingView.of(mapping);
    mappings.remove(mapping);
    audit.record(tenantId, "mapping.delete", "mapping", id, before, null);
  }
}
