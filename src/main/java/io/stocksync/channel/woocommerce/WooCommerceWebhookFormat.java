package io.stocksync.channel.woocommerce;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookJson;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WooCommerce webhooks: X-WC-Webhook-Signature is base64(HMAC-SHA256(raw body, secret)), where the secret may be
 * empty. WooCommerce retries nothing and disables a webhook after a handful of failures, so anything it sends that
 * is valid must be accepted.
 */
@ApplicationScoped
public class WooCommerceWebhookFormat implements WebhookFormat {

  private static final String SIGNATURE = "X-WC-Webhook-Signature";
  private static final Pattern PING = Pattern.compile("webhook_id=(\\d{1,19})");

  @Override
  public ChannelType type() {
    return ChannelType.WOOCOMMERCE;
  }

  /**
   * When a webhook is saved, WooCommerce first POSTs the form body "webhook_id=N" without any signature and refuses
   * to activate the webhook unless it gets a 200. That exact shape is accepted unsigned: parse() answers IGNORED, so
   * a forged ping can move no stock. Anything else must be signed.
   */
  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    Optional<String> header = request.header(SIGNATURE);
    if (header.isEmpty()) {
      return ping(request).isPresent();
    }
    return Signatures.base64(header.get(), "sha256=")
        .map(signature -> Signatures.signedByAny(Signatures.keysAllowingEmpty(secrets), signature, request.body()))
        .orElse(false);
  }

  /** The delivery id header; a ping has none, so it is named after the webhook it tests. */
  @Override
  public String deliveryId(WebhookRequest request) {
    return request.header("X-WC-Webhook-Delivery-ID").filter(id -> !id.isEmpty())
        .or(() -> ping(request).map(webhookId -> "ping-" + webhookId))
        .orElseThrow(() -> WebhookJson.missing("X-WC-Webhook-Delivery-ID"));
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    String deliveryId = deliveryId(request);
    if (request.header(SIGNATURE).isEmpty() && ping(request).isPresent()) {
      return ChannelEvent.ignored(deliveryId);
    }
    String topic = request.header("X-WC-Webhook-Topic").filter(t -> !t.isEmpty())
        .orElseThrow(() -> new MalformedWebhookException("X-WC-Webhook-Topic is missing"));
    var payload = new WooCommercePayload(WebhookJson.parse(request.body()), deliveryId);
    return switch (topic) {
      case "order.created" -> payload.orderCreated();
      case "order.updated" -> payload.orderUpdated();
      case "product.updated" -> payload.productUpdated();
      default -> ChannelEvent.ignored(deliveryId);
    };
  }

  private static Optional<String> ping(WebhookRequest request) {
    var matcher = PING.matcher(new String(request.body(), StandardCharsets.US_ASCII));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
