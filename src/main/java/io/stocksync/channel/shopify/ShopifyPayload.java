package io.stocksync.channel.shopify;

import static io.stocksync.channel.webhook.WebhookJson.integer;
import static io.stocksync.channel.webhook.WebhookJson.object;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalId;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalInteger;
import static io.stocksync.channel.webhook.WebhookJson.optionalObjects;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import io.stocksync.channel.webhook.WebhookJson;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One Shopify payload in our terms. Order lines carry the variant id (what a product mapping stores for Shopify
 * orders) and the SKU; inventory levels carry the inventory item id. Ids are read exactly: they exceed 2^53.
 *
 * @param triggeredAt X-Shopify-Triggered-At, preferred over the payload's own timestamps when present
 */
record ShopifyPayload(JsonObject body, String eventId, Instant triggeredAt) {

  /** Refund lines that put units back on the shelf; "cancel" lines are the restock of a cancellation. */
  private static final Set<String> RETURNED = Set.of("return", "legacy_restock");

  ChannelEvent orderCreated() {
    var lines = EventLines.of(Kind.ORDER);
    for (JsonObject item : objects(body, "line_items")) {
      lines.add(variant(item), sku(item), integer(item, "quantity"));
    }
    return lines.event(eventId, at("created_at"));
  }

  /**
   * A cancellation that restocks is recorded by Shopify as a refund whose lines have restock_type "cancel"; those
   * lines say exactly what came back (none when the merchant chose not to restock). Only a payload carrying no
   * refund lines at all (Shopify's own sample) falls back to the ordered quantities.
   */
  ChannelEvent orderCancelled() {
    var refundLines = refundLines(body);
    var lines = EventLines.of(Kind.CANCEL);
    if (refundLines.isEmpty()) {
      for (JsonObject item : objects(body, "line_items")) {
        lines.add(variant(item), sku(item), integer(item, "quantity"));
      }
    }
    for (JsonObject refundLine : refundLines) {
      if ("cancel".equals(optionalString(refundLine, "restock_type").orElse(null))) {
        addRefundLine(lines, refundLine);
      }
    }
    return lines.event(eventId, at("cancelled_at"));
  }

  /**
   * Returned units only: the "cancel" lines of a refund are already counted by orders/cancelled, which Shopify sends
   * for the same cancellation, and "no_restock" lines did not come back.
   */
  ChannelEvent refundCreated() {
    boolean legacyRestock = WebhookJson.optionalBoolean(body, "restock").orElse(false);
    var lines = EventLines.of(Kind.REFUND);
    for (JsonObject refundLine : objects(body, "refund_line_items")) {
      var restockType = optionalString(refundLine, "restock_type");
      if (restockType.map(RETURNED::contains).orElse(legacyRestock)) {
        addRefundLine(lines, refundLine);
      }
    }
    return lines.event(eventId, at("created_at"));
  }

  /** An untracked item has a null "available": nothing to set. */
  ChannelEvent inventoryLevel() {
    String item = WebhookJson.id(body, "inventory_item_id");
    var lines = EventLines.of(Kind.LEVEL);
    String location = WebhookJson.optionalId(body, "location_id").orElse(null);
    optionalInteger(body, "available").ifPresent(available -> lines.add(item, null, available, location));
    return lines.event(eventId, at("updated_at"));
  }

  private static List<JsonObject> refundLines(JsonObject order) {
    return optionalObjects(order, "refunds").stream()
        .flatMap(refund -> optionalObjects(refund, "refund_line_items").stream())
        .toList();
  }

  private static void addRefundLine(EventLines lines, JsonObject refundLine) {
    JsonObject item = object(refundLine, "line_item");
    lines.add(variant(item), sku(item), integer(refundLine, "quantity"));
  }

  private static String variant(JsonObject item) {
    return optionalId(item, "variant_id").orElse(null);
  }

  private static String sku(JsonObject item) {
    return optionalString(item, "sku").orElse(null);
  }

  private Instant at(String field) {
    return triggeredAt != null ? triggeredAt : optionalInstant(body, field).orElse(null);
  }
}
