package io.stocksync.deadletter;

import io.stocksync.platform.messaging.MessageGroups;
import io.stocksync.platform.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and replays the dead-letter queue through the resource adapter. A replay moves the message (receive from
 * the DLQ and send to its original queue in one XA transaction), so it is never lost nor doubled by a crash
 * half-way. The copy carries no duplicate-detection id: the original's is still in the broker's cache and would
 * drop it; the consumers are idempotent on their own (the Watcher settles each inbox row once).
 */
@ApplicationScoped
public class DeadLetters {

  static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
  private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9a-fA-F-]{1,64}");
  private static final int BODY_SHOWN = 2_000;

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/dead-letters")
  Queue deadLetters;

  @Resource(lookup = "jms/webhooks")
  Queue webhooks;

  @Resource(lookup = "jms/sync")
  Queue sync;

  @Resource(lookup = "jms/diagnostics")
  Queue diagnostics;

  /** The oldest {@code limit} dead letters, optionally of one tenant only. */
  public List<DeadLetter> list(int limit, String tenantId) {
    var shown = new ArrayList<DeadLetter>();
    String selector = tenantId == null ? null : MessageGroups.selectorOf(tenantId);
    try (var context = connectionFactory.createContext(); var browser = context.createBrowser(deadLetters, selector)) {
      for (var m : Collections.list(browser.getEnumeration())) {
        if (shown.size() == limit) {
          break;
        }
        shown.add(view((Message) m));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("could not browse the dead-letter queue", e);
    }
    return shown;
  }

  /** Moves one message back to the queue it came from; answers where it went. */
  @Transactional
  public String replay(String messageId) {
    if (!MESSAGE_ID.matcher(messageId).matches()) {
      throw ProblemException.badRequest("not a JMS message id: " + messageId);
    }
    try (var context = connectionFactory.createContext();
        var consumer = context.createConsumer(deadLetters, "JMSMessageID = '" + messageId + "'")) {
      var message = consumer.receive(2_000);
      if (message == null) {
        throw ProblemException.notFound("dead letter", messageId);
      }
      String origin = message.getStringProperty(ORIGINAL_ADDRESS);
      Queue target = targets().get(origin);
      if (target == null) {
        throw ProblemException.conflict("dead letter " + messageId + " came from " + origin
            + ", which has no consumer to replay to");
      }
      var copy = context.createTextMessage(message.getBody(String.class));
      for (var name : Collections.list((java.util.Enumeration<?>) message.getPropertyNames())) {
        String property = name.toString();
        if (!property.startsWith("_AMQ") && !property.startsWith("JMSX") || MessageGroups.PROPERTY.equals(property)) {
          copy.setObjectProperty(property, message.getObjectProperty(property));
        }
      }
      context.createProducer().send(target, copy);
      return origin;
    } catch (JMSException e) {
      throw new IllegalStateException("could not replay " + messageId, e);
    }
  }

  private Map<String, Queue> targets() {
    return Map.of("stocksync.webhooks", webhooks, "stocksync.sync", sync, "stocksync.diagnostics", diagnostics);
  }

  private static DeadLetter view(Message m) throws JMSException {
    String body = m instanceof TextMessage text ? text.getText() : "(" + m.getClass().getSimpleName() + ")";
    if (body != null && body.length() > BODY_SHOWN) {
      body = body.substring(0, BODY_SHOWN) + "...";
    }
    Integer deliveries = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : null;
    return new DeadLetter(m.getJMSMessageID(), m.getStringProperty(ORIGINAL_ADDRESS),
        MessageGroups.tenantOf(m.getStringProperty(MessageGroups.PROPERTY)), deliveries,
        Instant.ofEpochMilli(m.getJMSTimestamp()).atOffset(ZoneOffset.UTC), body);
  }
}
