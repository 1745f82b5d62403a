package io.stocksync.channel.woocommerce;

import static io.stocksync.channel.webhook.WebhookJson.id;
import static io.stocksync.channel.webhook.WebhookJson.integer;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalInteger;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;
import static io.stocksync.channel.webhook.WebhookJson.optionalUnits;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * One WooCommerce REST payload (wc/v3 shape) in our terms. An order line is the variation when it has one
 * (variation_id is 0 otherwise), else the product; the SKU comes along for matching.
 */
record WooCommercePayload(JsonObject body, String deliveryId) {

  ChannelEvent orderCreated() {
    return lines(Kind.ORDER).event(deliveryId, createdAt());
  }

  /**
   * WooCommerce puts a cancelled order's stock back itself and sends order.updated for every later edit of the
   * order too, each with a new delivery id; the event id is the order's cancellation, so it is applied once. A
   * "refunded" status says nothing about restocking (a checkbox in the refund), and the product.updated that
   * follows a restock carries the new level, so other statuses are not stock events.
   */
  ChannelEvent orderUpdated() {
    if (!"cancelled".equals(optionalString(body, "status").orElse(null))) {
      return ChannelEvent.ignored(deliveryId);
    }
    return lines(Kind.CANCEL).event("order-" + id(body, "id") + "-cancelled", modifiedAt());
  }

  /** A level only when WooCommerce manages the stock ("parent" on a variation means the parent's stock). */
  ChannelEvent productUpdated() {
    String product = id(body, "id");
    var lines = EventLines.of(Kind.LEVEL);
    if (body.get("manage_stock") == JsonValue.TRUE) {
      optionalUnits(body, "stock_quantity")
          .ifPresent(level -> lines.add(product, optionalString(body, "sku").orElse(null), level));
    }
    return lines.event(deliveryId, modifiedAt());
  }

  private EventLines lines(Kind kind) {
    var lines = EventLines.of(kind);
    for (JsonObject item : objects(body, "line_items")) {
      long variation = optionalInteger(item, "variation_id").orElse(0L);
      String externalId = variation != 0 ? Long.toString(variation) : optionalProduct(item);
      lines.add(externalId, optionalString(item, "sku").orElse(null), integer(item, "quantity"));
    }
    return lines;
  }

  /** A deleted product leaves product_id 0 on old orders: no id, the SKU may still match. */
  private static String optionalProduct(JsonObject item) {
    long product = optionalInteger(item, "product_id").orElse(0L);
    return product != 0 ? Long.toString(product) : null;
  }

  private Instant createdAt() {
    return optionalInstant(body, "date_created_gmt").orElse(null);
  }

  private Instant modifiedAt() {
    return optionalInstant(body, "date_modified_gmt").orElse(null);
  }
}
