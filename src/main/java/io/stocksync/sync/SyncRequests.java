package io.stocksync.sync;

import io.stocksync.platform.request.RequestId;
import jakarta.annotation.Resource;
import io.stocksync.catalog.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Asks for pushes: flags the products' mappings on every channel but the source, and wakes Sync up for those
 * channels. Runs in the caller's transaction (the Watcher's), so the flags and the wake-ups commit with the
 * ledger change or not at all.
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
  @SuppressWarnings("unchecked")
  public void request(UUID tenantId, Collection<UUID> productIds, UUID sourceChannelId) {
    request(tenantId, productIds, sourceChannelId, Instant.now());
  }

  /** @param receivedAt when the change arrived (a webhook's receipt), for the end-to-end latency metric */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public void request(UUID tenantId, Collection<UUID> productIds, UUID sourceChannelId, Instant receivedAt) {
    if (productIds.isEmpty()) {
      return;
    }
    List<Object> channels = em.createNativeQuery("UPDATE channel_mapping SET push_requested_at = clock_timestamp(),"
            + " change_received_at = COALESCE(change_received_at, ?)"
            + " WHERE tenant_id = ? AND product_id = ANY (CAST(? AS uuid[])) AND channel_id IS DISTINCT FROM ?"
            + " RETURNING channel_id")
        .setParameter(1, Timestamp.from(receivedAt)).setParameter(2, tenantId)
        .setParameter(3, "{" + String.join(",", productIds.stream().map(UUID::toString).toList()) + "}")
        .setParameter(4, sourceChannelId)
        .getResultList();
    channels.stream().map(c -> (UUID) c).distinct().forEach(c -> wake(tenantId, c));
  }

  /** A change made outside the Watcher (a manual adjustment) goes out like any other, in its transaction. */
  void onStockChanged(@Observes StockChanged change) {
    request(change.tenantId(), change.productIds(), change.sourceChannelId());
  }

  /** Sends a wake-up for one channel; grouped by tenant like every message of a tenant. */
  public void wake(UUID tenantId, UUID channelId) {
    try (var context = connectionFactory.createContext()) {
      var message = context.createTextMessage(SyncWakeUp.of(tenantId, channelId, RequestId.current()).toJson());
      message.setStringProperty("JMSXGroupID", tenantId.toString());
      context.createProducer().send(syncQueue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not build the sync message", e);
    }
  }
}
