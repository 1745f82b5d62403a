package io.stocksync.watcher;

import io.stocksync.intake.DeliveryMessage;
import io.stocksync.platform.request.RequestId;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes the webhook queue (activation spec stocksync/DeliveryListener). Container-managed transaction: the
 * receive, the ledger writes and the sync wake-ups commit together (XA through the resource adapter), so a crash
 * at any point either redelivers the whole message or has done all of it. Failures are rethrown: the broker
 * redelivers with back-off and dead-letters after the configured attempts.
 */
@MessageDriven
public class DeliveryListener implements MessageListener {

  @Inject
  Watcher watcher;

  @Override
  public void onMessage(Message message) {
    try {
      var delivery = DeliveryMessage.fromJson(message.getBody(String.class));
      RequestId.runWith(delivery.requestId(), delivery.tenantId(), () -> watcher.process(delivery));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable delivery message", e);
    }
  }
}
