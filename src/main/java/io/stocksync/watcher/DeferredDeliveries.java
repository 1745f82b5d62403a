package io.stocksync.watcher;

import io.stocksync.intake.DeliveryMessage;
import io.stocksync.intake.DeliveryPublisher;
import io.stocksync.platform.schedule.Periodic;
import io.stocksync.tenant.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends deliveries deferred by their tenant's webhook rate back to the Watcher once the tenant has allowance again:
 * every few seconds, on every server, a wake-up for each active tenant's oldest deferred delivery, whose batch
 * takes the deliveries after it (and names the next deferred one beyond it). The duplicate id holds the delivery and
 * the minute, so the servers' wake-ups for the same delivery are one message, and one that was lost is sent again
 * in the next minute. A deferred delivery that failed as often as the broker delivers a message is not woken again
 * (it is in the dead-letter queue, replayed from there once its cause is fixed), so it cannot hold up the deliveries
 * behind it for longer than its own redeliveries take.
 */
@ApplicationScoped
public class DeferredDeliveries {

  /** Duplicate-id prefixes: the tick's wake-ups, and the Watcher's for the deferred delivery beyond a batch. */
  static final String TICK = "deferred:";
  static final String CHAINED = "deferred-next:";
  private static final Logger LOG = Logger.getLogger(DeferredDeliveries.class.getName());
  private static final long PERIOD_SECONDS = 5;

  @Inject
  Periodic periodic;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  DeferredDeliveries self;

  /** The broker's max-delivery-attempts for stocksync.webhooks (artemis-config/broker.xml). */
  @Inject
  @ConfigProperty(name = "stocksync.watcher.max-delivery-attempts", defaultValue = "6")
  int maxDeliveryAttempts;

  /** A tenant's oldest deferred delivery, its tier, and what it was offered in the current minute. */
  record Oldest(UUID tenantId, Tier tier, long deliveryId, UUID channelId, String requestId, int offered,
      Instant window) {

    boolean hasAllowance() {
      return offered < tier.webhooksPerMinute();
    }
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(PERIOD_SECONDS, this::tick);
  }

  private void tick() {
    try {
      for (var oldest : self.oldestPerTenant()) {
        if (oldest.hasAllowance()) {
          publisher.publish(DeliveryMessage.of(oldest.deliveryId(), oldest.tenantId(), oldest.channelId(),
              oldest.requestId()), TICK + oldest.deliveryId() + ":" + oldest.window().getEpochSecond());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "deferred deliveries not woken this time: " + e.getMessage());
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Oldest> oldestPerTenant() {
    // The tenants with deferred deliveries are found by skipping through the partial index, one probe per tenant:
    // a DISTINCT ON over all deferred rows read 100,000 of them (207 ms) where this takes 1.6 ms (operations.md).
    List<Object[]> rows = em.createNativeQuery("WITH RECURSIVE deferring (tenant_id) AS ("
            + "(SELECT tenant_id FROM webhook_delivery WHERE outcome = 'DEFERRED' ORDER BY tenant_id LIMIT 1)"
            + " UNION ALL SELECT (SELECT d.tenant_id FROM webhook_delivery d WHERE d.outcome = 'DEFERRED'"
            + " AND d.tenant_id > r.tenant_id ORDER BY d.tenant_id LIMIT 1) FROM deferring r"
            + " WHERE r.tenant_id IS NOT NULL)"
            + " SELECT t.id, t.tier, d.id, d.channel_id, d.request_id, COALESCE(w.offered, 0),"
            + " date_trunc('minute', now())"
            + " FROM deferring r JOIN tenant t ON t.id = r.tenant_id AND t.status = 'ACTIVE'"
            + " CROSS JOIN LATERAL (SELECT id, channel_id, request_id FROM webhook_delivery WHERE tenant_id = t.id"
            + " AND outcome = 'DEFERRED' AND failures < ? ORDER BY id LIMIT 1) d"
            + " LEFT JOIN webhook_rate_window w ON w.tenant_id = t.id AND w.window_start = date_trunc('minute', now())")
        .setParameter(1, maxDeliveryAttempts).getResultList();
    return rows.stream().map(r -> new Oldest((UUID) r[0], Tier.valueOf((String) r[1]), ((Number) r[2]).longValue(),
        (UUID) r[3], (String) r[4], ((Number) r[5]).intValue(), ((Timestamp) r[6]).toInstant())).toList();
  }
}
