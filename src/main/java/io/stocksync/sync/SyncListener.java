package io.stocksync.sync;

import io.stocksync.platform.request.RequestId;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes sync wake-ups (activation spec stocksync/SyncListener). No transaction around the delivery: the push
 * calls the channel over HTTP, which no transaction can roll back; the worker records each outcome in its own
 * short transaction and leaves failed pushes pending (parked), so a lost or repeated wake-up costs nothing. At most
 * the tier's sync concurrency of a tenant's channels push at once ({@link TenantSyncConcurrency}).
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncListener implements MessageListener {

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
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable sync message", e);
    }
  }
}
