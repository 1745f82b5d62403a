package io.stocksync.watcher;

import io.stocksync.intake.DeliveryMessage;
import io.stocksync.intake.DeliveryPublisher;
import io.stocksync.platform.metrics.MetricHandles;
import io.stocksync.platform.persistence.DatabaseOutage;
import io.stocksync.platform.persistence.DatabaseReturn;
import io.stocksync.platform.request.RequestId;
import io.stocksync.sync.SyncRequests;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the webhook queue (activation spec stocksync/DeliveryListener). No XA: the ledger writes commit in
 * the Watcher's local transaction, then the message is acknowledged. A crash in between redelivers a message whose
 * delivery is already PROCESSED, which the Watcher skips; so the inbox row, not a two-phase commit with the broker,
 * is what keeps an event from being applied twice. Sync wake-ups go out after the commit; one lost in a crash is
 * made up by the retry scheduler, which wakes Sync for flags left waiting. Failures are rethrown: the broker
 * redelivers with back-off and dead-letters after the configured attempts; a delivery that failed alone has the
 * failure counted on its row first. A database outage is waited out before the rethrow, so that the broker's few
 * redeliveries are not all spent on it. Deliveries the tenant's webhook rate defers are counted here, and the
 * deferred one just beyond a batch, which has no message of its own any more, is woken at once.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryListener implements MessageListener {

  /** Waiting deliveries of the message's tenant taken in one transaction. */
  static final int BATCH = 100;
  private static final Logger LOG = Logger.getLogger(DeliveryListener.class.getName());

  @Inject
  Watcher watcher;

  @Inject
  SyncRequests sync;

  @Inject
  WebhookAllowance allowance;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  MetricHandles metrics;

  @Inject
  DatabaseReturn database;

  @Override
  public void onMessage(Message message) {
    try {
      handle(message);
    } catch (RuntimeException e) {
      // An outage is not the delivery's fault: wait for the database, so the outage costs one redelivery, not all.
      database.awaitAfter(e);
      throw e;
    }
  }

  private void handle(Message message) {
    DeliveryMessage delivery;
    try {
      delivery = DeliveryMessage.fromJson(message.getBody(String.class));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable delivery message", e);
    }
    RequestId.runWith(delivery.requestId(), delivery.tenantId(), () -> {
      if (allowance.alreadyDeferred(delivery.tenantId(), delivery.deliveryId())) {
        return; // deferred with an earlier message of its tenant's flood this minute: no database work
      }
      if (!watcher.isWaiting(delivery)) {
        return; // applied already: a redelivery, a re-publish, or taken with an earlier message's batch
      }
      Watcher.Applied applied;
      try {
        applied = watcher.processFrom(delivery, BATCH);
      } catch (RuntimeException e) {
        if (DatabaseOutage.isCauseOf(e)) {
          throw e; // applying it alone would fail the same way, and count the outage against the delivery
        }
        LOG.log(Level.INFO, "batch from delivery " + delivery.deliveryId() + " failed; applying it alone", e);
        applied = processOnly(delivery);
      }
      applied.channelsToWake().forEach(channel -> sync.wake(delivery.tenantId(), channel));
      allowance.deferred(delivery.tenantId(), applied.deferred());
      if (applied.newlyDeferred() > 0) {
        metrics.counter("stocksync_webhooks_deferred").inc(applied.newlyDeferred());
      }
      applied.wakeNext().ifPresent(this::wake);
    });
  }

  private Watcher.Applied processOnly(DeliveryMessage delivery) {
    try {
      return watcher.processOnly(delivery);
    } catch (RuntimeException e) {
      try {
        watcher.recordFailure(delivery);
      } catch (RuntimeException notRecorded) {
        e.addSuppressed(notRecorded);
      }
      throw e;
    }
  }

  /** A lost wake-up costs only time: DeferredDeliveries wakes a tenant's oldest deferred delivery every few seconds. */
  private void wake(DeliveryMessage deferred) {
    try {
      publisher.publish(deferred, DeferredDeliveries.CHAINED + deferred.deliveryId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "deferred delivery " + deferred.deliveryId() + " not woken now: " + e.getMessage());
    }
  }
}
