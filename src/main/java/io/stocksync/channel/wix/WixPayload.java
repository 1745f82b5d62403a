package io.stocksync.channel.wix;

import static io.stocksync.channel.webhook.WebhookJson.integer;
import static io.stocksync.channel.webhook.WebhookJson.object;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalBoolean;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalObject;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;
import static io.stocksync.channel.webhook.WebhookJson.string;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A Wix event, unwrapped from its envelope: the JWT claims hold "data" (stringified JSON with eventType and a
 * stringified "data" that is the event itself: id, entityFqdn, slug, eventTime, createdEvent or actionEvent).
 *
 * <p>Order lines are Wix Stores products: catalogReference.catalogItemId is the product id. A variant's id is only
 * unique within its product (and 00000000-0000-0000-0000-000000000000 is every product's default variant), so the
 * external id of a variant is "productId:variantId", of a product without variants its product id.
 */
record WixPayload(String eventType, JsonObject data) {

  private static final String DEFAULT_VARIANT = "00000000-0000-0000-0000-000000000000";

  static WixPayload of(JsonObject claims) {
    JsonObject envelope = object(claims, "data");
    return new WixPayload(string(envelope, "eventType"), object(envelope, "data"));
  }

  String eventId() {
    return string(data, "id");
  }

  /**
   * Wix takes stock when an order is approved (created already paid, or approved later), not when an unpaid order
   * is created; a cancellation gives stock back unless the merchant chose not to restock.
   */
  ChannelEvent event() {
    return switch (eventType) {
      case "wix.ecom.v1.order_approved" -> lines(Kind.ORDER, order()).event(eventId(), eventTime());
      case "wix.ecom.v1.order_canceled" -> canceled();
      default -> ChannelEvent.ignored(eventId());
    };
  }

  private ChannelEvent canceled() {
    JsonObject body = actionBody();
    if (!optionalBoolean(body, "restockAllItems").orElse(true)) {
      return ChannelEvent.ignored(eventId());
    }
    return lines(Kind.CANCEL, object(body, "order")).event(eventId(), eventTime());
  }

  private JsonObject order() {
    return object(actionBody(), "order");
  }

  private JsonObject actionBody() {
    return object(object(data, "actionEvent"), "bodyAsJson");
  }

  private static EventLines lines(Kind kind, JsonObject order) {
    var lines = EventLines.of(kind);
    for (JsonObject item : objects(order, "lineItems")) {
      JsonObject reference = object(item, "catalogReference");
      String product = string(reference, "catalogItemId");
      String variant = optionalObject(reference, "options")
          .flatMap(options -> optionalString(options, "variantId"))
          .filter(id -> !id.isBlank() && !id.equals(DEFAULT_VARIANT))
          .orElse(null);
      String sku = optionalObject(item, "physicalProperties").flatMap(p -> optionalString(p, "sku")).orElse(null);
      lines.add(variant == null ? product : product + ":" + variant, sku, integer(item, "quantity"));
    }
    return lines;
  }

  private Instant eventTime() {
    return optionalInstant(data, "eventTime").orElse(null);
  }
}
