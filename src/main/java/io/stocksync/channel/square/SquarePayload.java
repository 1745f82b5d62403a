package io.stocksync.channel.square;

import static io.stocksync.channel.webhook.WebhookJson.object;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;
import static io.stocksync.channel.webhook.WebhookJson.optionalUnits;
import static io.stocksync.channel.webhook.WebhookJson.string;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import io.stocksync.channel.webhook.WebhookJson;
import jakarta.json.JsonObject;
import java.time.Instant;

/** One Square notification ({"event_id", "type", "created_at", "data": {"object": ...}}) in our terms. */
record SquarePayload(JsonObject body) {

  String eventId() {
    return string(body, "event_id");
  }

  /**
   * Only inventory counts move our stock. order.created carries no line items (only the order id and state) and
   * Square's own inventory change for the sale arrives as inventory.count.updated, so orders are not stock events.
   */
  ChannelEvent event() {
    String eventId = eventId();
    return "inventory.count.updated".equals(string(body, "type")) ? inventoryCounts(eventId)
        : ChannelEvent.ignored(eventId);
  }

  /**
   * Up to 100 counts per notification, one line each; only IN_STOCK is what can be sold. data.type differs between
   * Square's own examples ("inventory", "inventory_counts"), so only data.object.inventory_counts is read.
   */
  private ChannelEvent inventoryCounts(String eventId) {
    var lines = EventLines.of(Kind.LEVEL);
    Instant latest = null;
    for (JsonObject count : objects(object(object(body, "data"), "object"), "inventory_counts")) {
      if (!"IN_STOCK".equals(optionalString(count, "state").orElse(null))) {
        continue;
      }
      long quantity = optionalUnits(count, "quantity").orElseThrow(() -> WebhookJson.missing("quantity"));
      lines.add(string(count, "catalog_object_id"), null, quantity,
          optionalString(count, "location_id").orElse(null));
      Instant calculated = optionalInstant(count, "calculated_at").orElse(null);
      latest = calculated != null && (latest == null || calculated.isAfter(latest)) ? calculated : latest;
    }
    return lines.event(eventId, latest != null ? latest : optionalInstant(body, "created_at").orElse(null));
  }
}
