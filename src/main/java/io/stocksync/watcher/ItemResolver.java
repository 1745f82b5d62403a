package io.stocksync.watcher;

import io.stocksync.catalog.ChannelMapping;
import io.stocksync.catalog.Product;
import io.stocksync.channel.Channel;
import io.stocksync.channel.webhook.ChannelEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds our product and mapping for a line of a channel's event: by the channel's item id first, else by SKU.
 * Always within the channel's tenant. The queries do not flush the persistence context: they read columns a
 * Watcher transaction never changes (ids, SKUs), and a flush compares every managed entity, once per line of a batch.
 */
@ApplicationScoped
public class ItemResolver {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Resource
  TransactionSynchronizationRegistry transaction;

  /**
   * The line's mapping; none when the line counts at another location than the one the mapping syncs (a
   * multi-location shop reports every location, and only the mapped one is this product's level).
   */
  public Optional<ChannelMapping> mapping(Channel channel, ChannelEvent.Line line) {
    // Mappings hold the channel's canonical ids (a Shopify gid is stored as its bare number): compare like with like.
    return anyLocation(channel, line).filter(m -> line.locationId() == null || m.externalLocationId() == null
        || m.externalLocationId().equals(channel.type().canonicalId(line.locationId())));
  }

  /**
   * Remembered for the rest of the transaction: a Watcher batch of a busy shop names the same few items again and
   * again (a hot product, 100 orders in one transaction), and mappings do not change under the Watcher.
   */
  @SuppressWarnings("unchecked")
  private Optional<ChannelMapping> anyLocation(Channel channel, ChannelEvent.Line line) {
    String key = "stocksync.item:" + channel.id() + ":" + line.externalId() + ":" + line.sku();
    var known = (Optional<ChannelMapping>) transaction.getResource(key);
    if (known == null) {
      known = lookUp(channel, line);
      transaction.putResource(key, known);
    }
    return known;
  }

  private Optional<ChannelMapping> lookUp(Channel channel, ChannelEvent.Line line) {
    if (line.externalId() != null) {
      // An order line may name the variant (Shopify) where the mapping's externalId is the stock item.
      var byId = em.createQuery("SELECT m FROM ChannelMapping m WHERE m.tenantId = :t AND m.channelId = :c"
              + " AND (m.externalId = :e OR m.externalVariantId = :e)", ChannelMapping.class)
          .setParameter("t", channel.tenantId()).setParameter("c", channel.id()).setParameter("e", line.externalId())
          .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
      if (byId.isPresent()) {
        return byId;
      }
    }
    if (line.sku() == null) {
      return Optional.empty();
    }
    return em.createQuery("SELECT m FROM ChannelMapping m, Product p WHERE m.productId = p.id AND p.tenantId = :t"
            + " AND p.sku = :sku AND m.channelId = :c", ChannelMapping.class)
        .setParameter("t", channel.tenantId()).setParameter("sku", line.sku()).setParameter("c", channel.id())
        .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
  }

  public Optional<Product> product(Channel channel, ChannelEvent.Line line) {
    var mapped = mapping(channel, line).map(this::productOf);
    if (mapped.isPresent() || line.sku() == null) {
      return mapped;
    }
    return em.createQuery("SELECT p FROM Product p WHERE p.tenantId = :t AND p.sku = :sku", Product.class)
        .setParameter("t", channel.tenantId()).setParameter("sku", line.sku())
        .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
  }

  public Product productOf(ChannelMapping mapping) {
    return em.find(Product.class, mapping.productId());
  }

  public void recordReported(ChannelMapping mapping, long level, Instant at) {
    em.createNativeQuery("UPDATE channel_mapping SET last_reported_level = ?, last_reported_at = ?,"
            + " updated_at = now() WHERE id = ?")
        .setParameter(1, level).setParameter(2, Timestamp.from(at)).setParameter(3, mapping.id())
        .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    // The managed mapping must show it too: a later level of the same Watcher batch is judged against it.
    em.refresh(mapping);
  }
}
