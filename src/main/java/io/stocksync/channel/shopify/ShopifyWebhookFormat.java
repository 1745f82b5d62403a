package io.stocksync.channel.shopify;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookJson;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shopify webhooks: X-Shopify-Hmac-Sha256 is base64(HMAC-SHA256(raw body, app secret)). Shopify sends its headers
 * both with and without the X- prefix, so every header is looked up under both names.
 */
@ApplicationScoped
public class ShopifyWebhookFormat implements WebhookFormat {

  @Override
  public ChannelType type() {
    return ChannelType.SHOPIFY;
  }

  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    return header(request, "Hmac-Sha256")
        .flatMap(value -> Signatures.base64(value, "sha256="))
        .map(signature -> Signatures.signedByAny(Signatures.keys(secrets), signature, request.body()))
        .orElse(false);
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return header(request, "Event-Id", "Webhook-Id")
        .orElseThrow(() -> new MalformedWebhookException("X-Shopify-Event-Id and X-Shopify-Webhook-Id are missing"));
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    String topic = header(request, "Topic").orElseThrow(() -> WebhookJson.missing("X-Shopify-Topic"));
    var body = WebhookJson.parse(request.body());
    var payload = new ShopifyPayload(body, deliveryId(request), triggeredAt(request));
    return switch (topic) {
      case "orders/create" -> payload.orderCreated();
      case "orders/cancelled" -> payload.orderCancelled();
      case "refunds/create" -> payload.refundCreated();
      case "inventory_levels/update" -> payload.inventoryLevel();
      default -> ChannelEvent.ignored(payload.eventId());
    };
  }

  private static Instant triggeredAt(WebhookRequest request) {
    return header(request, "Triggered-At")
        .map(value -> WebhookJson.instant(value, "X-Shopify-Triggered-At"))
        .orElse(null);
  }

  /** The first of the named Shopify headers present, under its X-Shopify- or Shopify- name. */
  private static Optional<String> header(WebhookRequest request, String... names) {
    return Arrays.stream(names)
        .flatMap(name -> request.header("X-Shopify-" + name).or(() -> request.header("Shopify-" + name)).stream())
        .filter(value -> !value.isEmpty())
        .findFirst();
  }
}
