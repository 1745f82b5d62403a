package io.stocksync.watcher;

import io.stocksync.intake.DeliveryMessage;
import io.stocksync.intake.DeliveryPublisher;
import io.stocksync.tenant.TenantResumed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When a tenant resumes, its parked deliveries go back to the Watcher in the order they were received (one
 * message group per tenant keeps that order), and its pending pushes are woken up.
 */
@ApplicationScoped
public class ParkedReplay {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  ParkedReplay self;

  void onResume(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantResumed resumed) {
    replay(resumed.tenantId(), resumed.at());
  }

  /** Publishes the tenant's parked deliveries again, oldest first; answers how many. */
  public int replay(UUID tenantId, Instant at) {
    var parked = self.parked(tenantId);
    for (Object[] r : parked) {
      // A new duplicate id: the delivery's first publication is still in the broker's id cache.
      publisher.publish(DeliveryMessage.of(((Number) r[0]).longValue(), tenantId, (UUID) r[1], (String) r[3]),
          r[1] + ":" + r[2] + ":replay:" + at.toEpochMilli());
    }
    return parked.size();
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> parked(UUID tenantId) {
    return em.createNativeQuery("SELECT id, channel_id, dedupe_key, request_id FROM webhook_delivery"
            + " WHERE tenant_id = ? AND outcome = 'PARKED' ORDER BY id")
        .setParameter(1, tenantId).getResultList();
  }
}
