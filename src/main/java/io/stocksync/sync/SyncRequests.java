package io.stocksync.sync;

import io.stocksync.platform.request.RequestId;
import jakarta.annotation.Resource;
import io.stocksync.catalog.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * Asks for pushes: flags the products' mappings on every channel but the source, in the caller's transaction so
 * that the flags commit with the ledger change or not at all, and wakes Sync up for those channels.
 */
@ApplicationScoped
public class SyncRequests {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/sync")
  Queue syncQueue;

  @Transactional(Transactional.TxType.MANDATORY)
  public void request(UUID tenantId, Collection<UUID> productIds, UUID sourceChannelId) {
    request(tenantId, productIds, sourceChannelId, Instant.now());
  }

  /** @param receivedAt when the change arrived (a webhook's receipt), for the end-to-end latency metric */
  @Transactional(Transactional.TxType.MANDATORY)
  public void request(UUID tenantId, Collection<UUID> productIds, UUID sourceChannelId, Instant receivedAt) {
    flag(tenantId, productIds, sourceChannelId, receivedAt).forEach(c -> wake(tenantId, c));
  }

  /**
   * Flags the products' mappings on every channel but the source, in the caller's transaction, and answers the
   * channels to wake. The caller wakes them after its commit (the Watcher, which has no XA to send with).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public Set<UUID> flag(UUID tenantId, Collection<UUID> productIds, UUID sourceChannelId, Instant receivedAt) {
    if (productIds.isEmpty()) {
      return Set.of();
    }
    List<Object> channels = em.createNativeQuery("UPDATE channel_mapping SET push_requested_at = clock_timestamp(),"
            + " change_received_at = COALESCE(change_received_at, ?)"
            + " WHERE tenant_id = ? AND product_id = ANY (CAST(? AS uuid[])) AND channel_id IS DISTINCT FROM ?"
            + " RETURNING channel_id")
        .setParameter(1, Timestamp.from(receivedAt)).setParameter(2, tenantId)
        .setParameter(3, "{" + String.join(",", productIds.stream().map(UUID::toString).toList()) + "}")
        .setParameter(4, sourceChannelId)
        .getResultList();
    return channels.stream().map(c -> (UUID) c).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** A change made outside the Watcher (a manual adjustment) goes out like any other, in its transaction. */
  void onStockChanged(@Observes StockChanged change) {
    request(change.tenantId(), change.productIds(), change.sourceChannelId());
  }

  /**
   * Sends a wake-up for one channel; grouped by tenant like every message of a tenant. Non-persistent: the flags
   * in the database are the durable part, and the retry scheduler wakes Sync for any flag whose wake-up a broker
   * restart lost, so a journal write per wake-up would buy nothing.
   */
  public void wake(UUID tenantId, UUID channelId) {
    try (var context = connectionFactory.createContext()) {
      var message = context.createTextMessage(SyncWakeUp.of(tenantId, channelId, RequestId.current()).toJson());
      message.setStringProperty("JMSXGroupID", tenantId.toString());
      context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(syncQueue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not build the sync message", e);
    }
  }
}
