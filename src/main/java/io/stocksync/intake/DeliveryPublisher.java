package io.stocksync.intake;

import io.stocksync.platform.messaging.MessageGroups;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;

/**
 * Puts deliveries on the webhook queue: the one place that sets the message group (the tenant, so one tenant's
 * deliveries are handled in order by one consumer at a time while other tenants proceed) and the broker's
 * duplicate id (the channel and the vendor's event id, which never repeat, so a re-send is dropped).
 */
@ApplicationScoped
public class DeliveryPublisher {

  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
  public static final String REQUEST_ID = "requestId";

  /** Does not block on durable sends: a publish the broker never got is re-sent by the OutboxSweeper. */
  @Resource(lookup = "jms/stocksync-intake")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/webhooks")
  Queue webhookQueue;

  public void publish(DeliveryMessage delivery, String duplicateId) {
    try (var context = connectionFactory.createContext()) {
      var message = context.createTextMessage(delivery.toJson());
      message.setStringProperty(MessageGroups.PROPERTY, MessageGroups.tenant(delivery.tenantId()));
      message.setStringProperty(DUPLICATE_ID, duplicateId);
      if (delivery.requestId() != null) {
        message.setStringProperty(REQUEST_ID, delivery.requestId());
      }
      context.createProducer().send(webhookQueue, message);
    } catch (JMSException e) {
      throw new IllegalStateException("could not build the delivery message", e);
    }
  }
}
