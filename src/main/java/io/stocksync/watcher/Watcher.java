package io.stocksync.watcher;

import io.stocksync.channel.Channel;
import io.stocksync.channel.webhook.WebhookRequest;
import io.stocksync.intake.DeliveryMessage;
import io.stocksync.intake.Formats;
import io.stocksync.intake.StoredHeaders;
import io.stocksync.sync.SyncRequests;
import io.stocksync.tenant.TenantRepository;
import io.stocksync.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Processes one inbox delivery. The delivery row is locked first and its outcome checked, so a redelivered or
 * duplicated message finds it PROCESSED and does nothing: no external event is applied twice.
 */
@ApplicationScoped
public class Watcher {

  private static final Logger LOG = Logger.getLogger(Watcher.class.getName());

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  TenantRepository tenants;

  @Inject
  Formats formats;

  @Inject
  EventApplier applier;

  @Inject
  SyncRequests sync;

  @Transactional
  public void process(DeliveryMessage message) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT outcome, channel_id, body, headers, request_id, received_at FROM"
            + " webhook_delivery WHERE id = ? AND tenant_id = ? FOR UPDATE")
        .setParameter(1, message.deliveryId()).setParameter(2, message.tenantId()).getResultList();
    if (rows.isEmpty()) {
      LOG.warning(() -> "delivery " + message.deliveryId() + " is not in the inbox (purged?); nothing to do");
      return;
    }
    Object[] row = rows.get(0);
    String outcome = (String) row[0];
    if (!"ACCEPTED".equals(outcome) && !"PARKED".equals(outcome)) {
      return; // already processed: a redelivery or a re-publish
    }
    var tenant = tenants.find(message.tenantId()).orElse(null);
    if (tenant == null || tenant.status() == TenantStatus.DELETING
        || tenant.status() == TenantStatus.DELETED) {
      mark(message.deliveryId(), "DEAD", null);
      return;
    }
    if (tenant.status() == TenantStatus.PAUSED) {
      mark(message.deliveryId(), "PARKED", null);
      return;
    }
    var channel = em.find(Channel.class, row[1]);
    var format = formats.of(channel.type()).orElseThrow();
    var request = new WebhookRequest(StoredHeaders.fromJson((String) row[3]), (byte[]) row[2], null);
    var event = format.parse(request);
    var changed = applier.apply(channel, event, (String) row[4]);
    sync.request(channel.tenantId(), changed, channel.id(), ((java.sql.Timestamp) row[5]).toInstant());
    mark(message.deliveryId(), "PROCESSED", event.kind().name());
    LOG.fine(() -> "delivery " + message.deliveryId() + " applied: " + event.kind() + ", " + changed.size()
        + " product(s) changed");
  }

  private void mark(long deliveryId, String outcome, String kind) {
    em.createNativeQuery("UPDATE webhook_delivery SET outcome = ?, processed_at = now(),"
            + " event_kind = COALESCE(?, event_kind) WHERE id = ?")
        .setParameter(1, outcome).setParameter(2, kind).setParameter(3, deliveryId).executeUpdate();
  }
}
