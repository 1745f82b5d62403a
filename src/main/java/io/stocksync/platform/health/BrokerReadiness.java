package io.stocksync.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker answers: opening a pooled connection alone can succeed on a stale connection, so the
 * check browses the webhook queue, which needs a round trip to the broker.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/webhooks")
  Queue webhookQueue;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    try (var context = connectionFactory.createContext();
        var browser = context.createBrowser(webhookQueue)) {
      boolean backlog = browser.getEnumeration().hasMoreElements();
      return response.up().withData("webhookBacklog", backlog).build();
    } catch (JMSRuntimeException | JMSException e) {
      return response.down().withData("reason", "Artemis unreachable: " + e.getMessage()).build();
    }
  }
}
