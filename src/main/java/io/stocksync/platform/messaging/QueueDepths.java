package io.stocksync.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Queue depth and consumer count of each stocksync queue, read from the broker itself through Artemis's
 * management address (a request message answered on a temporary queue), cached for a few seconds so that
 * scrapes never hammer the broker. Gauges: {@code stocksync_queue_messages{queue}},
 * {@code stocksync_queue_consumers{queue}}; -1 when the broker cannot answer. An external broker must grant the
 * server's user the "manage" permission on {@code activemq.management}.
 */
@ApplicationScoped
public class QueueDepths {

  static final List<String> QUEUES = List.of("stocksync.webhooks", "stocksync.sync", "stocksync.dlq",
      "stocksync.diagnostics");
  private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());
  private static final long CACHE_MILLIS = 5_000;

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Inject
  MetricRegistry metrics;

  private final Map<String, long[]> cache = new ConcurrentHashMap<>();

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (String queue : QUEUES) {
      metrics.gauge("stocksync_queue_messages", () -> read(queue, "messageCount"), new Tag("queue", queue));
      metrics.gauge("stocksync_queue_consumers", () -> read(queue, "consumerCount"), new Tag("queue", queue));
    }
  }

  private long read(String queue, String attribute) {
    String key = queue + "/" + attribute;
    long[] cached = cache.get(key);
    long now = System.currentTimeMillis();
    if (cached != null && now - cached[1] < CACHE_MILLIS) {
      return cached[0];
    }
    long value = ask(queue, attribute);
    cache.put(key, new long[] {value, now});
    return value;
  }

  private long ask(String queue, String attribute) {
    try (var context = connectionFactory.createContext()) {
      var reply = context.createTemporaryQueue();
      var request = context.createMessage();
      request.setStringProperty("_AMQ_ResourceName", "queue." + queue);
      request.setStringProperty("_AMQ_Attribute", attribute);
      request.setJMSReplyTo(reply);
      try (var consumer = context.createConsumer(reply)) {
        context.createProducer().send(context.createQueue("activemq.management"), request);
        var answer = consumer.receive(2_000);
        if (answer == null) {
          return -1;
        }
        // The answer is a JSON array holding the attribute's value, e.g. [42].
        String body = answer.getBody(String.class).replaceAll("[\\[\\]\\s\"]", "");
        return (long) Double.parseDouble(body);
      } finally {
        reply.delete(); // pooled connections outlive this call: do not leave temporary queues behind
      }
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.FINE, "queue " + queue + " " + attribute + " unavailable", e);
      return -1;
    }
  }
}
