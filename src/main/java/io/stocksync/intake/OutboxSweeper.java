package io.stocksync.intake;

import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's safety net: an accepted delivery is committed before it is published, so a crash or a broker
 * outage in between leaves it unpublished. Every few seconds this re-publishes accepted deliveries that are still
 * unprocessed after a grace period, in inbox order. Re-sending is safe: the broker drops duplicate ids it still
 * remembers, and the Watcher ignores deliveries it already processed.
 */
@ApplicationScoped
public class OutboxSweeper {

  private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
  private static final long PERIOD_SECONDS = 5;

  @Inject
  Periodic periodic;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  OutboxSweeper self;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(PERIOD_SECONDS, this::tick);
  }

  private void tick() {
    try {
      for (Object[] r : self.unpublished()) {
        publisher.publish(DeliveryMessage.of(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (String) r[4]),
            r[2] + ":" + r[3]);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "outbox sweep skipped: " + e.getMessage());
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> unpublished() {
    return em.createNativeQuery("SELECT d.id, d.tenant_id, d.channel_id, d.dedupe_key, d.request_id"
            + " FROM webhook_delivery d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
            + " WHERE d.outcome = 'ACCEPTED' AND d.received_at < now() - interval '10 seconds'"
            + " ORDER BY d.id LIMIT 500")
        .getResultList();
  }
}
