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

/**
 * Sends deliveries deferred by their tenant's webhook rate back to the Watcher once the tenant has allowance again:
 * every few seconds, on every server, a wake-up for each active tenant's oldest deferred delivery, whose batch
 * takes the deliveries after it (and names the next deferred one beyond it). The duplicate id holds the delivery and
 * the minute, so the servers' wake-ups for the same delivery are one message, and one that was lost is sent again
 * in the next minute. A deferred delivery whose processing failed is not woken again: its own message's
 * redeliveries, then the dead-letter queue, take care of it, and the deliveries behind it go on without it.
 */
@ApplicationScoped
public class DeferredDeliveries {

  /** Duplicate-id prefixes: the tick's wake-ups, and the Watcher's for the deferred delivery beyond a batch. */
  static final String TICK = "deferred:";
  static final String CHAINED = "deferred-next:";
  private static final Logger LOG = Logger.getLogger(DeferredDeliveries.class.getName());
  private static final long PERIOD_SECONDS = 5;
  private static final int PRUNE_EVERY_TICKS = 120;

  @Inject
  Periodic periodic;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  DeferredDeliveries self;

  private int ticks;

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
      if (++ticks % PRUNE_EVERY_TICKS == 0) {
        self.pruneWindows();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "deferred deliveries not woken this time: " + e.getMessage());
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Oldest> oldestPerTenant() {
    List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (d.tenant_id) d.tenant_id, t.tier, d.id,"
            + " d.channel_id, d.request_id, COALESCE(w.offered, 0), date_trunc('minute', now())"
            + " FROM webhook_delivery d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
            + " LEFT JOIN webhook_rate_window w ON w.tenant_id = d.tenant_id"
            + " AND w.window_start = date_trunc('minute', now())"
            + " WHERE d.outcome = 'DEFERRED' AND d.failures = 0 ORDER BY d.tenant_id, d.id")
        .getResultList();
    return rows.stream().map(r -> new Oldest((UUID) r[0], Tier.valueOf((String) r[1]), ((Number) r[2]).longValue(),
        (UUID) r[3], (String) r[4], ((Number) r[5]).intValue(), ((Timestamp) r[6]).toInstant())).toList();
  }

  /** Forgets minutes older than an hour. */
  @Transactional
  public void pruneWindows() {
    em.createNativeQuery("DELETE FROM webhook_rate_window WHERE window_start < now() - interval '1 hour'")
        .executeUpdate();
  }
}
