package io.stocksync.sync;

import io.stocksync.catalog.StockChanged;
import io.stocksync.platform.messaging.MessageGroups;
import io.stocksync.platform.persistence.PgArray;
import io.stocksync.platform.request.RequestId;
import io.stocksync.platform.schedule.Periodic;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Asks for pushes: flags the products' mappings on every channel but the source, in the caller's transaction so
 * that the flags commit with the ledger change or not at all, and wakes Sync up for those channels.
 */
@ApplicationScoped
public class SyncRequests {

  private static final Logger LOG = Logger.getLogger(SyncRequests.class.getName());

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/sync")
  Queue syncQueue;

  @Inject
  Periodic periodic;

  private final WakeUpCoalescer coalescer = new WakeUpCoalescer();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(WakeUpCoalescer.HOLD, this::sendHeldBack);
  }

  private void sendHeldBack() {
    try {
      coalescer.due(System.nanoTime()).forEach(key -> send(key.tenantId(), key.channelId()));
    } catch (RuntimeException e) {
      // The broker is away: the retry scheduler wakes Sync for the flags once it is back.
      LOG.log(Level.FINE, "held-back sync wake-ups not sent: " + e.getMessage());
    }
  }

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
    // Rows are locked in id order, as Sync settles them, so that the two never deadlock.
    List<Object> channels = em.createNativeQuery("UPDATE channel_mapping m SET push_requested_at = clock_timestamp(),"
            + " change_received_at = COALESCE(m.change_received_at, ?) FROM (SELECT id FROM channel_mapping"
            + " WHERE tenant_id = ? AND product_id = ANY (CAST(? AS uuid[])) AND channel_id IS DISTINCT FROM ?"
            + " ORDER BY id FOR UPDATE) locked WHERE m.id = locked.id RETURNING m.channel_id")
        .setParameter(1, Timestamp.from(receivedAt)).setParameter(2, tenantId)
        .setParameter(3, PgArray.literal(productIds))
        .setParameter(4, sourceChannelId)
        .getResultList();
    return channels.stream().map(c -> (UUID) c).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** A change made outside the Watcher (a manual adjustment) goes out like any other, in its transaction. */
  void onStockChanged(@Observes StockChanged change) {
    request(change.tenantId(), change.productIds(), change.sourceChannelId());
  }

  /**
   * Wakes Sync up for one channel, unless a wake-up this server sent for it is still waiting (it covers this one:
   * {@link WakeUpCoalescer}).
   */
  public void wake(UUID tenantId, UUID channelId) {
    if (coalescer.shouldSend(tenantId, channelId, System.nanoTime())) {
      send(tenantId, channelId);
    }
  }

  /** Sync took a wake-up for the channel and reads its flags next: the next change needs a wake-up of its own. */
  public void taken(UUID tenantId, UUID channelId) {
    coalescer.taken(tenantId, channelId);
  }

  /**
   * Grouped by tenant and channel ({@link MessageGroups#tenantAndChannel}): one Sync cycle at a time per channel, so
   * two cycles never push one channel's levels out of order, while a tenant's other channels proceed on other
   * sessions (grouped by tenant, a busy tenant's pushes to all its channels held one session, and the quiet tenants
   * whose groups shared it waited behind them). Non-persistent: the flags in the database are the durable part, and
   * the retry scheduler wakes Sync for any flag whose wake-up a broker restart lost, so a journal write per wake-up
   * would buy nothing.
   */
  private void send(UUID tenantId, UUID channelId) {
    try (var context = connectionFactory.createContext()) {
      var message = context.createTextMessage(SyncWakeUp.of(tenantId, channelId, RequestId.current()).toJson());
      message.setStringProperty(MessageGroups.PROPERTY, MessageGroups.tenantAndChannel(tenantId, channelId));
      context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(syncQueue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not build the sync message", e);
    }
  }
}
