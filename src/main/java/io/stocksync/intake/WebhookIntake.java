package io.stocksync.intake;

import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.WebhookRequest;
import io.stocksync.platform.metrics.MetricHandles;
import io.stocksync.platform.persistence.DatabaseOutage;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.request.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Decides what becomes of a delivery: unknown channel 404, too large 413, bad signature 401, malformed 400 (all
 * recorded as REJECTED and never processed), a repeat 200 DUPLICATE, else 200 ACCEPTED and published.
 */
@ApplicationScoped
public class WebhookIntake {

  private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

  @Inject
  ChannelDirectory channels;

  @Inject
  Formats formats;

  @Inject
  Inbox inbox;

  @Inject
  DeliveryPublisher publisher;

  @Inject
  MetricHandles metrics;

  /** The public address vendors call (behind a proxy the request's own URL differs); Square signs it. */
  @Inject
  @ConfigProperty(name = "stocksync.public-base-url")
  Optional<String> publicBaseUrl;

  public IntakeOutcome receive(String channelRef, Map<String, List<String>> headers, byte[] body, boolean tooLarge,
      String requestUrl, String requestId) {
    try {
      return decide(channelRef, headers, body, tooLarge, requestUrl, requestId);
    } catch (SQLException e) {
      // The vendor retries when we do not answer 2xx: nothing is lost by refusing while the database is away.
      throw new ProblemException(503, "Service unavailable", "the inbox is unavailable; retry later", List.of(),
          Map.of("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS));
    }
  }

  private IntakeOutcome decide(String channelRef, Map<String, List<String>> headers, byte[] body, boolean tooLarge,
      String requestUrl, String requestId) throws SQLException {
    var channel = parse(channelRef).flatMap(id -> channels.find(id, requestUrl)).orElse(null);
    if (channel == null) {
      inbox.recordUnknownChannel(channelRef, requestId, truncate(body));
      count("UNKNOWN", "rejected");
      throw ProblemException.notFound("channel", channelRef);
    }
    String type = channel.type().name();
    LogContext.put(LogContext.TENANT_ID, channel.tenantId().toString());
    if (tooLarge) {
      reject(channel, "body over " + WebhookResource.MAX_BODY_BYTES + " bytes", requestId, truncate(body));
      throw new ProblemException(413, "Payload too large", "webhook bodies are limited to "
          + WebhookResource.MAX_BODY_BYTES + " bytes");
    }
    var format = formats.of(channel.type()).orElse(null);
    if (format == null) {
      reject(channel, "channel type " + type + " does not send webhooks", requestId, body);
      throw new ProblemException(404, "Not found", "channel type " + type + " does not receive webhooks here");
    }
    var request = new WebhookRequest(headers, body, notificationUrl(channel.channelId(), requestUrl));
    if (!format.verify(request, channel.secrets())) {
      reject(channel, "signature does not verify", requestId, body);
      throw new ProblemException(401, "Unauthorized", "the webhook signature does not verify");
    }
    String deliveryId;
    String topic;
    try {
      deliveryId = format.deliveryId(request);
      topic = format.parse(request).kind().name();
    } catch (MalformedWebhookException e) {
      reject(channel, "malformed: " + e.getMessage(), requestId, body);
      throw ProblemException.badRequest("malformed " + type + " webhook: " + e.getMessage());
    }
    var id = inbox.accept(channel, deliveryId, topic, requestId, body, StoredHeaders.toJson(headers));
    if (id.isEmpty()) {
      inbox.record(channel.tenantId(), channel.channelId(), type, topic, "DUPLICATE", "already received "
          + deliveryId, requestId, null);
      count(type, "duplicate");
      return IntakeOutcome.DUPLICATE;
    }
    count(type, "accepted");
    LOG.fine(() -> "webhook accepted: " + type + " delivery " + id.getAsLong() + " (" + topic + ")");
    try {
      publisher.publish(DeliveryMessage.of(id.getAsLong(), channel.tenantId(), channel.channelId(), requestId),
          channel.channelId() + ":" + deliveryId);
    } catch (RuntimeException e) {
      // Accepted and durable: the outbox sweeper publishes it once the broker is back.
      LOG.log(Level.WARNING, "delivery " + id.getAsLong() + " accepted, publish deferred: " + e.getMessage());
    }
    return IntakeOutcome.ACCEPTED;
  }

  private void reject(ChannelDirectory.Entry channel, String reason, String requestId, byte[] body)
      throws SQLException {
    inbox.record(channel.tenantId(), channel.channelId(), channel.type().name(), null, "REJECTED", reason,
        requestId, body);
    count(channel.type().name(), "rejected");
  }

  private void count(String channelType, String outcome) {
    metrics.counter("stocksync_webhooks", new Tag("channel_type", channelType), new Tag("outcome", outcome)).inc();
  }

  private String notificationUrl(UUID channelId, String requestUrl) {
    return publicBaseUrl.map(b -> b.replaceAll("/+$", "") + "/api/v1/webhooks/" + channelId).orElse(requestUrl);
  }

  private static Optional<UUID> parse(String ref) {
    try {
      return Optional.of(UUID.fromString(ref));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] truncate(byte[] body) {
    return body.length <= 4096 ? body : java.util.Arrays.copyOf(body, 4096);
  }
}
