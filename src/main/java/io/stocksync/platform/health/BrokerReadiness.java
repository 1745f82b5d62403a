package io.stocksync.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private static final long ANSWER_SECONDS = 5;

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/webhooks")
  Queue webhookQueue;

  @Resource
  ManagedExecutorService executor;

  /**
   * Bounded: while the broker is away the client may block in its reconnection attempts, and a readiness probe
   * that hangs is worse than one that says DOWN.
   */
  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    Future<Boolean> backlog = executor.submit(this::browse);
    try {
      return response.up().withData("webhookBacklog", backlog.get(ANSWER_SECONDS, TimeUnit.SECONDS)).build();
    } catch (TimeoutException e) {
      backlog.cancel(true);
      return response.down().withData("reason", "Artemis unreachable: no answer within " + ANSWER_SECONDS + " s")
          .build();
    } catch (ExecutionException e) {
      return response.down().withData("reason", "Artemis unreachable: " + e.getCause().getMessage()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("reason", "Artemis check interrupted").build();
    }
  }

  private boolean browse() throws JMSException {
    try (var context = connectionFactory.createContext();
        var browser = context.createBrowser(webhookQueue)) {
      return browser.getEnumeration().hasMoreElements();
    }
  }
}
