package io.stocksync.alert.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * POSTs one signed notification. Each attempt is signed afresh (webhook-timestamp is the attempt's time, the id stays
 * the notification's) and recorded, whatever its outcome, before Fault Tolerance decides on the next one: up to two
 * in-line retries with a jittered delay. Any answer but 2xx is a failure, as Standard Webhooks senders treat it;
 * redirects are not followed. Before each attempt the host is resolved and checked again (SSRF guard, {@link
 * NotificationTargets}): a refused target fails the round at once, without retries. The HTTP client then resolves
 * the name itself and, within the JVM's DNS cache time (networkaddress.cache.ttl, 30 s by default), gets the
 * addresses just checked. Headers (the signature among them) and bodies are never logged.
 */
@ApplicationScoped
public class NotificationSender {

  @Inject
  NotificationOutbox outbox;

  @Inject
  NotificationTargets targets;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

  private final Clock clock = Clock.systemUTC();
  private HttpClient client;

  @PostConstruct
  void init() {
    client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Sends the body signed with the secret; answers normally only on a 2xx answer. */
  @Timeout(20_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500,
      retryOn = {NotificationFailedException.class, TimeoutException.class},
      abortOn = NotificationRefusedException.class)
  public void send(DueNotification n, List<String> secrets, byte[] body) {
    var refusal = targets.refusalToSend(n.url());
    if (refusal.isPresent()) {
      outbox.recordAttempt(n, null, NotificationOutbox.truncate("refused: " + refusal.get()), 0);
      throw new NotificationRefusedException("refused: " + refusal.get());
    }
    long timestamp = clock.instant().getEpochSecond();
    long started = System.nanoTime();
    Integer status = null;
    String error;
    try {
      var request = HttpRequest.newBuilder(URI.create(n.url())).timeout(requestTimeout)
          .header("Content-Type", "application/json").header("User-Agent", "stocksync")
          .header("webhook-id", n.messageId())
          .header("webhook-timestamp", Long.toString(timestamp))
          .header("webhook-signature", WebhookSigner.sign(secrets, n.messageId(), timestamp, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      error = status >= 200 && status < 300 ? null : "HTTP " + status;
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      // Fault Tolerance's @Timeout interrupts the call; record it (with the flag cleared, so the insert runs).
      error = "timed out";
    } catch (IllegalArgumentException e) {
      error = "not a usable URL: " + e.getMessage();
    }
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    outbox.recordAttempt(n, status, NotificationOutbox.truncate(error), latencyMs);
    if (error != null) {
      throw new NotificationFailedException(error);
    }
  }
}
