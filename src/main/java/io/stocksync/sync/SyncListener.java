package io.stocksync.sync;

import io.stocksync.platform.persistence.DatabaseOutage;
import io.stocksync.platform.request.RequestId;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Consumes sync wake-ups (activation spec stocksync/SyncListener). No transaction around the delivery: the push
 * calls the channel over HTTP, which no transaction can roll back; the worker records each outcome in its own
 * short transaction and leaves failed pushes pending (parked), so a lost or repeated wake-up costs nothing. At most
 * the tier's sync concurrency of a tenant's channels push at once ({@link TenantSyncConcurrency}). A wake-up that
 * meets a database outage is dropped: the retry scheduler wakes the channel again once the database is back.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(SyncListener.class.getName());

  @Inject
  SyncWorker worker;

  @Inject
  SyncRequests requests;

  @Inject
  TenantSyncConcurrency concurrency;

  @Override
  public void onMessage(Message message) {
    try {
      var wakeUp = SyncWakeUp.fromJson(message.getBody(String.class));
      requests.taken(wakeUp.tenantId(), wakeUp.channelId());
      RequestId.runWith(wakeUp.requestId(), wakeUp.tenantId(), () -> concurrency.pushWithinLimit(wakeUp.tenantId(),
          wakeUp.channelId(), () -> worker.pushPending(wakeUp.tenantId(), wakeUp.channelId())));
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isCauseOf(e)) {
        throw e;
      }
      // Dropped, not redelivered into the dead-letter queue: the flags wait in the database, and the retry
      // scheduler wakes their channel once it is back.
      LOG.info(() -> "sync wake-up dropped, the database is unavailable: " + e);
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable sync message", e);
    }
  }
}
