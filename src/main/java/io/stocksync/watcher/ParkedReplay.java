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
    for (Object[] r : self.parked(resumed.tenantId())) {
      // A new duplicate id: the delivery's first publication is still in the broker's id cache.
      publisher.publish(DeliveryMessage.of(((Number) r[0]).longValue(), resumed.tenantId(), (UUID) r[1],
          (String) r[3]), r[1] + ":" + r[2] + ":replay:" + resumed.at().toEpochMilli());
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> parked(UUID tenantId) {
    return em.createNativeQuery("SELECT id, channel_id, dedupe_key, request_id FROM webhook_delivery"
            + " WHERE tenant_id = ? AND outcome = 'PARKED' ORDER BY id")
        .setParameter(1, tenantId).getResultList();
  }
}
